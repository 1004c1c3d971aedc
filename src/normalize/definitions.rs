//! Acronym definitions the dataset itself gives, and the ones that are wrong.
//!
//! Owns reading "Long Form (ACR)" and "ACR (Long Form)" out of the claims' quotes, subjects and
//! values (through `acronym`), turning the good ones into links between spellings for name
//! resolution, and the ones whose acronym is not the expansion's initials into
//! `factcheck::name::acronym` findings, located on the acronym inside the text.

use rustc_hash::FxHashMap;

use crate::files::Files;
use crate::findings::{ClaimRef, Code, Finding, Location, Role};
use crate::model::{Source, SpellingId};
use crate::normalize::acronym;
use crate::normalize::claims::Draft;
use crate::normalize::fold::fold;
use crate::normalize::names::Interner;
use crate::normalize::text;

/// Acronym definitions in the claims' own text (quotes, subjects, values), as links between
/// spellings, and a `name::acronym` finding for each acronym that is not its expansion's
/// initials.
pub fn find(
    files: &Files,
    sources: &[Source],
    drafts: &[Draft],
    names: &mut Interner,
) -> (Vec<(SpellingId, SpellingId)>, Vec<Finding>) {
    let mut links = Vec::new();
    let mut misses: FxHashMap<(String, String), Finding> = FxHashMap::default();
    let mut order = Vec::new();
    for draft in drafts {
        let subject = names.text(draft.subject.spelling).to_owned();
        let texts = draft
            .quote
            .iter()
            .map(|(quote, span)| (quote.to_string(), *span))
            .chain([
                (subject, draft.subject.span),
                (draft.stated.to_string(), draft.value_span),
            ]);
        for (text, span) in texts {
            if !text.contains('(') {
                continue;
            }
            for definition in acronym::definitions(&text) {
                // Only a definition that passes the initials test links two names: one that
                // fails it is reported, and the acronym keeps whatever it resolves to.
                if definition.exact {
                    let short = names.declare(&definition.acronym);
                    let long = names.declare(&definition.expansion);
                    links.push((short, long));
                    continue;
                }
                let expected = acronym::initials(&definition.expansion);
                let source = &sources[draft.source.0 as usize].id;
                let location = Location {
                    span: text::inner_span(files, span, &text, definition.acronym_range.clone()),
                    label: format!("{source} writes `{}`", definition.acronym),
                    claim: Some(ClaimRef {
                        source: source.clone(),
                        claim: draft.handle(),
                        key: draft.key.to_string(),
                        stated: definition.acronym.clone(),
                        normalized: expected.clone(),
                        value_key: format!("{} ({})", definition.acronym, definition.expansion),
                    }),
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
    let findings = order
        .into_iter()
        .filter_map(|key| misses.remove(&key))
        .collect();
    (links, findings)
}
