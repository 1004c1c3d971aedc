//! Telling the reader that a name was matched with its title set aside.
//!
//! Owns one thing: adding to the help of a finding about claims whose subject or value was
//! written with a title ("General George Marshall") and taken for the same entity as a name
//! written otherwise, a sentence that says so and how to undo it. It does not match names
//! (that is [`person`] and resolution) nor decide findings.

use rustc_hash::FxHashMap;

use crate::files::Span;
use crate::findings::Finding;
use crate::model::{Dataset, Link, SpellingId, Value};

use super::person;

/// Adds the title sentence to each finding that points at a claim naming a titled spelling
/// joined to another.
pub fn explain_titles(dataset: &Dataset, findings: &mut [Finding]) {
    let titled = |spelling: SpellingId| -> Option<(String, String)> {
        let written = dataset.names.spellings.get(spelling.0 as usize)?;
        if !person::may_have_title(&written.text) {
            return None;
        }
        let found = person::parse(&written.text)?;
        if found.titles.is_empty() {
            return None;
        }
        let canonical = dataset.names.canonical(written.entity);
        (written.link == Link::Person || *canonical != *written.text)
            .then(|| (written.text.to_string(), canonical.to_owned()))
    };
    // Each spelling is read once, however many claims write it.
    let mut read: FxHashMap<SpellingId, Option<(String, String)>> = FxHashMap::default();
    let mut notes: FxHashMap<Span, Vec<(String, String)>> = FxHashMap::default();
    for claim in &dataset.claims {
        let value = match claim.value {
            Value::Name(spelling) => Some(spelling),
            _ => None,
        };
        for spelling in std::iter::once(claim.subject.spelling).chain(value) {
            let note = read.entry(spelling).or_insert_with(|| titled(spelling));
            if let Some(note) = note.clone() {
                for span in [claim.span, claim.value_span, claim.subject.span] {
                    notes.entry(span).or_default().push(note.clone());
                }
            }
        }
    }
    if notes.is_empty() {
        return;
    }
    for finding in findings {
        let mut found: Vec<&(String, String)> = finding
            .locations
            .iter()
            .filter_map(|l| notes.get(&l.span))
            .flatten()
            .collect();
        found.sort();
        found.dedup();
        if found.is_empty() {
            continue;
        }
        let said: Vec<String> = found
            .iter()
            .map(|(written, canonical)| format!("`{written}` was taken for `{canonical}`"))
            .collect();
        let sentence = format!(
            "names are matched with their titles set aside: {}; if they are different people, \
             declare each as its own [[entity]]",
            said.join(", ")
        );
        finding.help = Some(match finding.help.take() {
            Some(help) => format!("{help}; {sentence}"),
            None => sentence,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::Code;
    use crate::testing::{check, source, with_code};

    #[test]
    fn a_conflict_on_a_titled_name_says_the_title_was_set_aside() {
        let a = source(&[("General George Marshall", "born", "1880")]);
        let b = source(&[("George Marshall", "born", "1881")]);
        let checked = check(&[("a", &a), ("b", &b)], None);
        let conflicts = with_code(&checked, Code::ConflictDate);
        assert_eq!(conflicts.len(), 1, "{:#?}", checked.findings);
        let help = conflicts[0].help.as_deref().unwrap_or_default();
        assert!(
            help.contains("`General George Marshall` was taken for `George Marshall`"),
            "{help}"
        );
        // Without a title there is nothing to say.
        let c = source(&[("George Marshall", "born", "1880")]);
        let checked = check(&[("c", &c), ("b", &b)], None);
        let help = with_code(&checked, Code::ConflictDate)[0]
            .help
            .clone()
            .unwrap_or_default();
        assert!(!help.contains("title"), "{help}");
    }
}
