//! Sources: every declared source, and every source a claim names by id, to a validated
//! [`Source`].
//!
//! Owns source ids (explicit or the file stem), their uniqueness, the `published` anchor,
//! `derived_from` references, and which source each claim belongs to: a claim of a TOML claims
//! file belongs to the source its file declares, a table row to the source its `source` column
//! names. A source named only by claims is its id alone. Every claims file gets a source, even
//! when its `[source]` failed to load, so that its claims are still checked.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::files::{FileId, Span};
use crate::findings::{Code, Finding};
use crate::load::raw::{ClaimsInput, Declared, SourceDecl, SourceRef, Spanned, Text};
use crate::model::{Source, SourceIx};
use crate::normalize::date::parse_date;
use crate::suggest;
use crate::text::fold::is_blank;

/// A source's full text, with its path as written (for messages).
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path as written.
    pub path: String,
    /// The text.
    pub text: Arc<str>,
}

/// The sources, and how a claim finds its own.
#[derive(Debug, Default)]
pub struct Sources {
    /// Every source: the declared ones in order, then those only claims name, in the order
    /// first named.
    pub sources: Vec<Source>,
    /// Each source's full text, when it has one.
    pub texts: Vec<Option<SourceText>>,
    /// The source each file declares.
    by_file: FxHashMap<FileId, SourceIx>,
    /// Every source by id (the first, when two share one).
    by_id: FxHashMap<Text, SourceIx>,
}

impl Sources {
    /// The source a claim names, if it names one.
    #[must_use]
    pub fn resolve(&self, file: FileId, reference: &SourceRef) -> Option<SourceIx> {
        match reference {
            SourceRef::File => self.by_file.get(&file).copied(),
            SourceRef::Id(id) => self.by_id.get(id.value.trim()).copied(),
        }
    }

    /// Every source's id, in order.
    #[must_use]
    pub fn ids(&self) -> Vec<String> {
        self.sources.iter().map(|s| s.id.clone()).collect()
    }
}

/// Every declared source, in the same order, then every source only claims name.
pub fn build(decls: &[SourceDecl], claims: &[ClaimsInput], problems: &mut Vec<Finding>) -> Sources {
    let mut built = Sources::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for decl in decls {
        let source = source(decl, problems);
        let index = built.sources.len();
        let ix = SourceIx(u32::try_from(index).unwrap_or(u32::MAX));
        built.by_file.entry(decl.file).or_insert(ix);
        if let Some(&first_index) = seen.get(&source.id) {
            let first: &Source = &built.sources[first_index];
            let both_files = decls[first_index].declared_in == Declared::ClaimsFile
                && decl.declared_in == Declared::ClaimsFile;
            let (message, help) = if both_files {
                (
                    format!("two claims files have the source id `{}`", source.id),
                    "give one of them another id with `id = …` under [source]",
                )
            } else {
                (
                    format!("the source `{}` is declared twice", source.id),
                    "declare each source once: in its claims file's [source], or in the \
                     sources table",
                )
            };
            problems.push(
                Finding::new(Code::LoadDuplicateSource, message)
                    .with_help(help)
                    .at(
                        source.id_span.unwrap_or(source.span),
                        format!("`{}` again", source.id),
                    )
                    .at(first.id_span.unwrap_or(first.span), "first used here"),
            );
        } else {
            seen.insert(source.id.clone(), index);
            built.by_id.insert(Text::from(source.id.as_str()), ix);
        }
        built.texts.push(decl.text.as_ref().map(|text| {
            SourceText {
                path: decl
                    .text_path
                    .as_ref()
                    .map_or_else(String::new, |p| p.value.to_string()),
                text: Arc::clone(text),
            }
        }));
        built.sources.push(source);
    }
    for reference in claims
        .iter()
        .flat_map(|input| &input.claims)
        .filter_map(|claim| match &claim.source {
            SourceRef::Id(id) => Some(id),
            SourceRef::File => None,
        })
    {
        let id = reference.value.trim();
        if is_blank(id) || built.by_id.contains_key(id) {
            continue;
        }
        let ix = SourceIx(u32::try_from(built.sources.len()).unwrap_or(u32::MAX));
        built.by_id.insert(Text::from(id), ix);
        built.sources.push(named_only(id, reference.span));
        built.texts.push(None);
    }

    let ids = built.ids();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    for (index, decl) in decls.iter().enumerate() {
        let mut derived = Vec::new();
        for reference in &decl.derived_from {
            let span = reference.span;
            let wanted = reference.value.as_ref();
            match seen.get(wanted) {
                Some(&target) if target == index => problems.push(
                    Finding::new(
                        Code::LoadUnknownName,
                        format!("`{wanted}` derives from itself"),
                    )
                    .with_help("list the sources this one copies or excerpts, not itself")
                    .at(span, "this source"),
                ),
                Some(&target) => derived.push(SourceIx(u32::try_from(target).unwrap_or(u32::MAX))),
                None => match built.by_id.get(wanted) {
                    Some(&ix) => derived.push(ix),
                    None => problems.push(
                        Finding::new(
                            Code::LoadUnknownName,
                            format!("no source has the id `{wanted}`"),
                        )
                        .with_help(suggest::help_for(wanted, &ids, "source id"))
                        .at(span, "unknown source"),
                    ),
                },
            }
        }
        built.sources[index].derived_from = derived;
    }
    built
}

/// A source that claims name but nothing declares: its id alone.
fn named_only(id: &str, span: Span) -> Source {
    Source {
        id: id.to_owned(),
        span,
        id_span: Some(span),
        title: String::new(),
        publisher: String::new(),
        author: None,
        published: None,
        kind: None,
        url: None,
        derived_from: Vec::new(),
    }
}

fn source(decl: &SourceDecl, problems: &mut Vec<Finding>) -> Source {
    if !decl.loaded {
        return Source {
            id: decl.default_id.to_string(),
            span: decl.span,
            id_span: None,
            title: String::new(),
            publisher: String::new(),
            author: None,
            published: None,
            kind: None,
            url: None,
            derived_from: Vec::new(),
        };
    }
    // A required field that is missing or empty is reported; the source still counts.
    let mut text = |field: Option<&Spanned<Text>>, name: &str| -> String {
        let Some(field) = field else {
            if !decl.required.contains(&name) || decl.set_aside.iter().any(|key| key == name) {
                return String::new();
            }
            problems.push(
                Finding::new(Code::LoadMissing, format!("[source] has no `{name}`"))
                    .with_help(format!("add `{name} = …`; it is required"))
                    .at(decl.span, format!("`{name}` missing here")),
            );
            return String::new();
        };
        let trimmed = field.value.trim();
        if is_blank(trimmed) {
            problems.push(
                Finding::new(Code::LoadEmpty, format!("`{name}` of [source] is empty"))
                    .with_help(format!("write the source's {name}"))
                    .at(field.span, "empty"),
            );
        }
        trimmed.to_owned()
    };
    let title = text(decl.title.as_ref(), "title");
    let publisher = text(decl.publisher.as_ref(), "publisher");
    let id = match &decl.id {
        Some(id) => text(Some(id), "id"),
        None => decl.default_id.to_string(),
    };
    let anchor =
        decl.published
            .as_ref()
            .and_then(|raw| match parse_date(&raw.value, None) {
                Ok(date) => Some(date),
                Err(error) => {
                    let mut finding = Finding::new(
                        Code::LoadDate,
                        format!("`published` is not a date: {}", error.message),
                    )
                    .at(raw.span, "not a date");
                    finding.help =
                        Some(error.hint.unwrap_or_else(|| {
                            "write it as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".into()
                        }));
                    problems.push(finding);
                    None
                }
            });
    let optional =
        |field: &Option<Spanned<Text>>| field.as_ref().map(|f| f.value.trim().to_owned());
    Source {
        id,
        span: decl.span,
        id_span: decl.id.as_ref().map(|id| id.span),
        title,
        publisher,
        author: optional(&decl.author),
        published: anchor,
        kind: optional(&decl.kind),
        url: optional(&decl.url),
        derived_from: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::{ClaimRecord, Origin};

    fn at(file: u32, start: usize) -> Span {
        Span::new(FileId(file), start..start + 1)
    }

    fn text(value: &str, span: Span) -> Spanned<Text> {
        Spanned::new(Text::from(value), span)
    }

    fn declared(file: u32, stem: &str) -> SourceDecl {
        let mut decl = SourceDecl::empty(
            Declared::ClaimsFile,
            FileId(file),
            Text::from(stem),
            at(file, 0),
        );
        decl.loaded = true;
        decl.title = Some(text("Title", at(file, 1)));
        decl
    }

    fn row(file: u32, source: &str, ordinal: u32) -> ClaimRecord {
        let span = at(file, ordinal as usize * 10);
        ClaimRecord {
            source: SourceRef::Id(text(source, span)),
            origin: Origin {
                file: FileId(file),
                ordinal,
            },
            span,
            id: None,
            subject: text("s", span),
            property: text("p", span),
            value: text("v", span),
            qualifiers: Vec::new(),
            quote: None,
            cites: None,
        }
    }

    #[test]
    fn claims_find_their_source_by_id_wherever_it_is_declared() {
        let decls = [declared(0, "alpha"), declared(1, "beta")];
        let rows = ClaimsInput {
            file: FileId(2),
            claims: vec![row(2, "beta", 1), row(2, " gamma ", 2), row(2, "gamma", 3)],
            zone: None,
        };
        let mut problems = Vec::new();
        let built = build(&decls, std::slice::from_ref(&rows), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(built.ids(), ["alpha", "beta", "gamma"]);
        let resolved: Vec<_> = rows
            .claims
            .iter()
            .map(|c| built.resolve(rows.file, &c.source))
            .collect();
        assert_eq!(
            resolved,
            [Some(SourceIx(1)), Some(SourceIx(2)), Some(SourceIx(2))]
        );
        assert_eq!(built.sources[1].title, "Title", "declared apart, kept");
        assert_eq!(built.sources[2].title, "", "named only: the id alone");
        assert_eq!(
            built.resolve(FileId(0), &SourceRef::File),
            Some(SourceIx(0)),
            "a claims file's claims belong to the source it declares"
        );
        assert_eq!(built.resolve(FileId(2), &SourceRef::File), None);
    }

    #[test]
    fn a_named_source_can_be_derived_from() {
        let mut copier = declared(0, "copier");
        copier.derived_from = vec![text("original", at(0, 5))];
        let rows = ClaimsInput {
            file: FileId(1),
            claims: vec![row(1, "original", 1)],
            zone: None,
        };
        let mut problems = Vec::new();
        let built = build(&[copier], &[rows], &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(built.sources[0].derived_from, [SourceIx(1)]);
    }
}
