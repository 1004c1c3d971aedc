//! "Did you mean …?" suggestions for names that were not found.
//!
//! Owns the one closeness rule used for every lookup that can miss: keys in the file formats,
//! enum values, source ids, properties and entities referenced from `rules.toml`. It only
//! ranks candidates; callers decide what a miss means.

use crate::normalize::fold::fold;

/// The candidate closest to `input`, if one is close enough to be a likely typo.
///
/// Close enough: an edit distance of at most a third of the input's length (and at least 2),
/// compared after folding case and separators, or one candidate containing the other.
/// Ties go to the earliest candidate, so suggestions are deterministic.
#[must_use]
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = fold(input);
    let limit = (wanted.chars().count() / 3).max(2);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let folded = fold(candidate);
        if folded == wanted {
            return Some(candidate);
        }
        let distance = strsim::levenshtein(&wanted, &folded);
        let contained = wanted.len() >= 3
            && folded.len() >= 3
            && (folded.contains(&wanted) || wanted.contains(&folded));
        if (distance <= limit || contained) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// A help line suggesting `candidate`, or listing what is allowed when nothing is close.
#[must_use]
pub fn help_for(input: &str, candidates: &[&str], what: &str) -> String {
    match did_you_mean(input, candidates.iter().copied()) {
        Some(candidate) => format!("did you mean `{candidate}`?"),
        None if candidates.is_empty() => format!("there are no {what}s to choose from"),
        None if candidates.len() <= 12 => format!(
            "expected one of {}",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => format!("no {what} is spelled like `{input}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let keys = [
            "id",
            "subject",
            "property",
            "value",
            "qualifiers",
            "quote",
            "cites",
        ];
        assert_eq!(did_you_mean("subjet", keys), Some("subject"));
        assert_eq!(did_you_mean("propery", keys), Some("property"));
        assert_eq!(did_you_mean("qualifier", keys), Some("qualifiers"));
        assert_eq!(did_you_mean("zzzzzz", keys), None);
    }

    #[test]
    fn folds_before_comparing() {
        assert_eq!(
            did_you_mean("First-Contact", ["first contact"]),
            Some("first contact")
        );
    }

    #[test]
    fn help_lists_choices_when_nothing_is_close() {
        assert_eq!(
            help_for("dat", &["date", "number"], "type"),
            "did you mean `date`?"
        );
        assert_eq!(
            help_for("xyzzy", &["date", "number"], "type"),
            "expected one of `date`, `number`"
        );
    }
}
