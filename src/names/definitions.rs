//! Acronym definitions the dataset itself gives, and the ones that are wrong.
//!
//! Owns reading "Long Form (ACR)" and "ACR (Long Form)" out of the claims' quotes, subjects and
//! values (through `acronym`), turning the good ones into links between spellings for name
//! resolution, and the ones whose acronym is not the expansion's initials into
//! `factcheck::name::acronym` findings, located on the acronym inside the text.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::files::{Files, Span};
use crate::findings::{ClaimRef, ClaimText, Code, Finding, Location, Role};
use crate::model::{Source, SpellingId};
use crate::names::acronym;
use crate::names::{Declaration, Interner};
use crate::normalize::claims::Draft;
use crate::normalize::text;
use crate::text::fold::{compact_key, fold};

/// Acronym definitions in the claims' own text (quotes, subjects, values), as links between
/// spellings, and a `name::acronym` finding for each acronym that is not its expansion's
/// initials.
pub fn find(
    files: &Files,
    sources: &[Source],
    drafts: &[Draft],
    names: &mut Interner,
    declarations: &[Declaration],
) -> (Vec<(SpellingId, SpellingId)>, Vec<Finding>) {
    let declared: FxHashSet<String> = declarations
        .iter()
        .flat_map(|d| std::iter::once(&d.canonical).chain(&d.aliases))
        .map(|(spelling, _)| compact_key(names.text(*spelling)))
        .collect();
    let mut links = Vec::new();
    let mut misses: FxHashMap<(String, String), Finding> = FxHashMap::default();
    let mut given: FxHashMap<String, Vec<Given>> = FxHashMap::default();
    let mut order = Vec::new();
    for draft in drafts {
        // Only a text with a parenthesis can define an acronym: only those are copied (the
        // names they define are declared while they are read).
        let texts: Vec<(String, Span, bool)> = draft
            .quote
            .iter()
            .map(|(quote, span)| (&**quote, *span, false))
            .chain([
                (names.text(draft.subject.spelling), draft.subject.span, true),
                (&*draft.stated, draft.value_span, true),
            ])
            .filter(|(text, _, _)| text.contains('('))
            .map(|(text, span, is_name)| (text.to_owned(), span, is_name))
            .collect();
        for (text, span, is_name) in texts {
            for definition in acronym::definitions(&text) {
                // Only a definition that passes the initials test links two names: one that
                // fails it is reported, and the acronym keeps whatever it resolves to.
                if definition.exact {
                    let short = names.declare(&definition.acronym);
                    let long = names.declare(&definition.expansion);
                    links.push((short, long));
                    // A name that is a whole definition ("European Space Agency (ESA)") names
                    // what it defines.
                    if is_name && is_whole(&text, &definition) {
                        links.push((names.declare(&text), long));
                    }
                    given
                        .entry(fold(&definition.expansion))
                        .or_default()
                        .push(Given {
                            acronym: definition.acronym.clone(),
                            expansion: definition.expansion.clone(),
                            at: located(files, sources, draft, span, &text, &definition),
                        });
                    continue;
                }
                let expected = acronym::initials(&definition.expansion);
                let source = &sources[draft.source.0 as usize].id;
                let location = Location {
                    span: text::inner_span(files, span, &text, definition.acronym_range.clone()),
                    label: format!("{source} writes `{}`", definition.acronym),
                    claim: Some(ClaimRef::new(&ClaimText {
                        source,
                        claim: &draft.handle(),
                        key: &draft.key,
                        stated: &definition.acronym,
                        normalized: &expected,
                        value_key: &format!("{} ({})", definition.acronym, definition.expansion),
                    })),
                    role: Role::Involved,
                };
                let key = (definition.acronym.clone(), fold(&definition.expansion));
                misses
                    .entry(key.clone())
                    .or_insert_with(|| {
                        order.push(key);
                        Finding::new(
                            Code::NameAcronym,
                            format!(
                                "`{}` is given as the acronym of `{}`, whose initials are {expected}",
                                definition.acronym, definition.expansion
                            ),
                        )
                        .with_help(format!(
                            "if the source misspells it, keep its spelling and add `{}` to the \
                             aliases of the entity in rules.toml; if the expansion is wrong, check \
                             the source",
                            definition.acronym
                        ))
                    })
                    .locations
                    .push(location);
            }
        }
    }
    let mut findings: Vec<Finding> = order
        .into_iter()
        .filter_map(|key| misses.remove(&key))
        .collect();
    findings.extend(different_acronyms(given, &declared));
    (links, findings)
}

/// An acronym a text defines, and where.
struct Given {
    acronym: String,
    expansion: String,
    at: Location,
}

/// Whether a definition is the whole text: "Expansion (ACR)" or "ACR (Expansion)", nothing
/// before it and nothing after its closing parenthesis.
fn is_whole(text: &str, definition: &acronym::Definition) -> bool {
    let start = definition
        .acronym_range
        .start
        .min(definition.expansion_range.start);
    let end = definition
        .acronym_range
        .end
        .max(definition.expansion_range.end);
    text[..start].trim().is_empty()
        && text.get(end..).is_some_and(|rest| {
            rest.trim_start()
                .strip_prefix(')')
                .is_some_and(|r| r.trim().is_empty())
        })
}

/// Where a definition's acronym is written, as a location of a finding.
fn located(
    files: &Files,
    sources: &[Source],
    draft: &Draft,
    span: crate::files::Span,
    text: &str,
    definition: &acronym::Definition,
) -> Location {
    let source = &sources[draft.source.0 as usize].id;
    Location {
        span: text::inner_span(files, span, text, definition.acronym_range.clone()),
        label: format!("{source} writes `{}`", definition.acronym),
        claim: Some(ClaimRef::new(&ClaimText {
            source,
            claim: &draft.handle(),
            key: &draft.key,
            stated: &definition.acronym,
            normalized: &definition.expansion,
            value_key: &format!("{} ({})", definition.acronym, definition.expansion),
        })),
        role: Role::Involved,
    }
}

/// A `name::acronym` finding for each expansion the dataset gives two or more different
/// acronyms, unless `rules.toml` declares every one of them (`declared` holds the declared
/// spellings' keys).
fn different_acronyms(
    given: FxHashMap<String, Vec<Given>>,
    declared: &FxHashSet<String>,
) -> Vec<Finding> {
    let mut expansions: Vec<(String, Vec<Given>)> = given.into_iter().collect();
    expansions.sort_by(|a, b| a.0.cmp(&b.0));
    let mut findings = Vec::new();
    for (_, uses) in expansions {
        let mut acronyms: Vec<String> = uses.iter().map(|u| compact_key(&u.acronym)).collect();
        acronyms.sort_unstable();
        acronyms.dedup();
        if acronyms.len() < 2 || acronyms.iter().all(|a| declared.contains(a)) {
            continue;
        }
        let mut written: Vec<&str> = Vec::new();
        for used in &uses {
            if !written
                .iter()
                .any(|w| compact_key(w) == compact_key(&used.acronym))
            {
                written.push(&used.acronym);
            }
        }
        let listed: Vec<String> = written.iter().map(|w| format!("`{w}`")).collect();
        let expansion = &uses[0].expansion;
        let mut finding = Finding::new(
            Code::NameAcronym,
            format!(
                "`{expansion}` is given different acronyms: {}",
                listed.join(" and ")
            ),
        )
        .with_help(format!(
            "they are taken for one entity; if both are in use, declare them as aliases of \
             `{expansion}` in rules.toml; if one is wrong, check the source"
        ));
        finding.locations = uses.into_iter().map(|u| u.at).collect();
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use crate::findings::Code;
    use crate::testing::{check, codes, source, with_code};

    #[test]
    fn a_name_that_defines_its_acronym_is_the_entity_it_defines() {
        let a = source(&[
            ("European Space Agency (ESA)", "founded", "1975"),
            ("Mars Express", "operator", "European Space Agency (ESA)"),
            ("WHO (World Health Organization)", "founded", "1948"),
        ]);
        let b = source(&[
            ("ESA", "founded", "1975"),
            ("Mars Express", "operator", "ESA"),
            ("World Health Organization", "founded", "1948"),
        ]);
        let c = source(&[("European Space Agency", "founded", "1974")]);
        let checked = check(&[("a", &a), ("b", &b)], None);
        assert!(codes(&checked).is_empty(), "{:#?}", checked.findings);
        let checked = check(&[("a", &a), ("b", &b), ("c", &c)], None);
        assert_eq!(codes(&checked), vec![Code::ConflictDate]);
        // Words around the definition make it another name.
        let d = source(&[(
            "Friends of the European Space Agency (ESA)",
            "founded",
            "1990",
        )]);
        let checked = check(&[("b", &b), ("d", &d)], None);
        assert!(codes(&checked).is_empty(), "{:#?}", checked.findings);
    }

    #[test]
    fn two_acronyms_for_one_expansion_are_reported_unless_both_are_declared() {
        let a = source(&[(
            "Individual Partnership and Cooperation Programme (IPCP)",
            "began",
            "2014",
        )]);
        let b = source(&[(
            "IPACP (Individual Partnership and Cooperation Programme)",
            "began",
            "2014",
        )]);
        let checked = check(&[("a", &a), ("b", &b)], None);
        let found = with_code(&checked, Code::NameAcronym);
        assert_eq!(found.len(), 1, "{:#?}", checked.findings);
        assert!(found[0].message.contains("`IPCP` and `IPACP`"));
        assert_eq!(found[0].locations.len(), 2);
        let rules = "[[entity]]\nname = \"Individual Partnership and Cooperation Programme\"\n\
                     aliases = [\"IPCP\", \"IPACP\"]\n";
        let checked = check(&[("a", &a), ("b", &b)], Some(rules));
        assert!(codes(&checked).is_empty(), "{:#?}", checked.findings);
        let rules = "[[entity]]\nname = \"Individual Partnership and Cooperation Programme\"\n\
                     aliases = [\"IPCP\"]\n";
        let checked = check(&[("a", &a), ("b", &b)], Some(rules));
        assert_eq!(codes(&checked), vec![Code::NameAcronym]);
    }
}
