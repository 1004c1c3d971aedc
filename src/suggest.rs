//! "Did you mean …?" suggestions for names that were not found.
//!
//! Owns the one closeness rule used for every lookup that can miss: keys in the file formats,
//! enum values, source ids, properties and entities referenced from `rules.toml`. It only
//! ranks candidates; callers decide what a miss means.

use crate::findings::Code;
use crate::text::fold::fold;

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

/// The finding codes close to `input` (a code or namespace, `factcheck::` optional), best
/// first; empty when none is close.
///
/// Every code shares the `factcheck::` prefix, so it is left out of the distance (with it, any
/// word was "close" to some code). A code is close when the input, or its last segment,
/// is within a third of the input's length (at least 1) of the code, of its path without
/// `factcheck::`, or of its last segment (`date` finds the three `::date` codes, `conflict::dat`
/// finds `conflict::date`); only the closest are returned, at most four.
#[must_use]
pub fn close_codes(input: &str) -> Vec<Code> {
    let wanted = fold_code(input);
    let wanted = wanted.strip_prefix("factcheck::").unwrap_or(&wanted);
    let wanted_last = wanted.rsplit("::").next().unwrap_or(wanted);
    if wanted.is_empty() {
        return Vec::new();
    }
    let limit = (wanted.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, Code)> = Code::ALL
        .iter()
        .filter_map(|&code| {
            let path = code.as_str().trim_start_matches("factcheck::");
            let last = path.rsplit("::").next().unwrap_or(path);
            let distance = [
                strsim::osa_distance(wanted, path),
                strsim::osa_distance(wanted, last),
                strsim::osa_distance(wanted_last, last) + usize::from(wanted_last != wanted),
            ]
            .into_iter()
            .min()
            .unwrap_or(usize::MAX);
            (distance <= limit).then_some((distance, code))
        })
        .collect();
    let best = scored.iter().map(|&(d, _)| d).min();
    scored.retain(|&(d, _)| Some(d) == best);
    scored.truncate(4);
    scored.into_iter().map(|(_, code)| code).collect()
}

/// A help line for a code that does not exist: the close codes, or how to list them all.
#[must_use]
pub fn code_help(input: &str) -> String {
    let close: Vec<String> = close_codes(input)
        .iter()
        .map(|code| format!("`{code}`"))
        .collect();
    match close.as_slice() {
        [] => "`factcheck explain` lists every code".to_owned(),
        [one] => format!("did you mean {one}?"),
        several => format!("did you mean one of {}?", several.join(", ")),
    }
}

/// A code as typed, compared without case, spaces or the difference between `-` and `_`.
fn fold_code(input: &str) -> String {
    input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
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

    #[test]
    fn only_close_codes_are_suggested() {
        let names =
            |input: &str| -> Vec<&str> { close_codes(input).iter().map(|c| c.as_str()).collect() };
        // Words that are no code's: nothing, however long the shared prefix.
        for nonsense in [
            "nonsense",
            "factcheck::nonsense",
            "xyz",
            "banana",
            "quotation-marks",
        ] {
            assert_eq!(names(nonsense), Vec::<&str>::new(), "{nonsense}");
            assert_eq!(code_help(nonsense), "`factcheck explain` lists every code");
        }
        assert_eq!(names("conflict::dat"), ["factcheck::conflict::date"]);
        assert_eq!(
            names("factcheck::load::nocliams"),
            ["factcheck::load::no-claims"]
        );
        assert_eq!(names("Quote::Not_Found"), ["factcheck::quote::not-found"]);
        assert_eq!(names("ordr"), ["factcheck::order"]);
        assert_eq!(
            names("date"),
            [
                "factcheck::conflict::date",
                "factcheck::tension::date",
                "factcheck::load::date"
            ]
        );
        assert_eq!(
            code_help("conflict::dat"),
            "did you mean `factcheck::conflict::date`?"
        );
        assert!(code_help("date").starts_with("did you mean one of `factcheck::conflict::date`"));
    }
}
