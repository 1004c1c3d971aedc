//! Sources: each claims file's `[source]` to a validated [`Source`].
//!
//! Owns source ids (explicit or the file stem), their uniqueness across files, the
//! `published` anchor, and `derived_from` references. Every claims file gets a source, even
//! when its `[source]` failed to load, so that its claims are still checked.

use std::collections::HashMap;

use toml::Spanned;

use crate::files::{Files, Span};
use crate::findings::{Code, Finding};
use crate::load::claims::LoadedClaimsFile;
use crate::model::{Source, SourceIx};
use crate::normalize::date::parse_date;
use crate::suggest;
use crate::text::fold::is_blank;

/// One source per claims file, in the same order.
pub fn build(
    files: &Files,
    loaded: &[LoadedClaimsFile],
    problems: &mut Vec<Finding>,
) -> Vec<Source> {
    let mut sources: Vec<Source> = loaded
        .iter()
        .map(|file| source(files, file, problems))
        .collect();

    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, source) in sources.iter().enumerate() {
        if let Some(&first) = seen.get(&source.id) {
            problems.push(
                Finding::new(
                    Code::LoadDuplicateSource,
                    format!("two claims files have the source id `{}`", source.id),
                )
                .with_help("give one of them another id with `id = …` under [source]")
                .at(
                    source.id_span.unwrap_or(source.span),
                    format!("`{}` again", source.id),
                )
                .at(
                    sources[first].id_span.unwrap_or(sources[first].span),
                    "first used here",
                ),
            );
        } else {
            seen.insert(source.id.clone(), index);
        }
    }

    let ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
    for (index, file) in loaded.iter().enumerate() {
        let Some(raw) = file.source.as_ref() else {
            continue;
        };
        let mut derived = Vec::new();
        for reference in raw.value.derived_from.iter().flatten() {
            let span = Span::new(file.file, reference.span());
            let wanted = reference.get_ref();
            match seen.get(wanted.as_str()) {
                Some(&target) if target == index => problems.push(
                    Finding::new(
                        Code::LoadUnknownName,
                        format!("`{wanted}` derives from itself"),
                    )
                    .with_help("list the sources this one copies or excerpts, not itself")
                    .at(span, "this source"),
                ),
                Some(&target) => derived.push(SourceIx(u32::try_from(target).unwrap_or(u32::MAX))),
                None => problems.push(
                    Finding::new(
                        Code::LoadUnknownName,
                        format!("no source has the id `{wanted}`"),
                    )
                    .with_help(suggest::help_for(
                        wanted,
                        &ids.iter().map(String::as_str).collect::<Vec<_>>(),
                        "source id",
                    ))
                    .at(span, "unknown source"),
                ),
            }
        }
        sources[index].derived_from = derived;
    }
    sources
}

fn source(files: &Files, file: &LoadedClaimsFile, problems: &mut Vec<Finding>) -> Source {
    let at = |range: std::ops::Range<usize>| Span::new(file.file, range);
    let Some(raw) = file.source.as_ref() else {
        return Source {
            id: file.stem.clone(),
            span: at(0..0),
            id_span: None,
            title: String::new(),
            publisher: String::new(),
            author: None,
            published: None,
            kind: None,
            url: None,
            derived_from: Vec::new(),
        };
    };
    let value = &raw.value;
    // A required field that is missing or empty is reported; the source still counts.
    let mut text = |field: Option<&Spanned<String>>, name: &str| -> String {
        let Some(field) = field else {
            if raw.set_aside.iter().any(|key| key == name) {
                return String::new();
            }
            problems.push(
                Finding::new(Code::LoadMissing, format!("[source] has no `{name}`"))
                    .with_help(format!("add `{name} = …`; it is required"))
                    .at(at(raw.header.clone()), format!("`{name}` missing here")),
            );
            return String::new();
        };
        let trimmed = field.get_ref().trim();
        if is_blank(trimmed) {
            problems.push(
                Finding::new(Code::LoadEmpty, format!("`{name}` of [source] is empty"))
                    .with_help(format!("write the source's {name}"))
                    .at(at(field.span()), "empty"),
            );
        }
        trimmed.to_owned()
    };
    let title = text(value.title.as_ref(), "title");
    let publisher = text(value.publisher.as_ref(), "publisher");
    let id = match &value.id {
        Some(id) => text(Some(id), "id"),
        None => file.stem.clone(),
    };
    let anchor = value.published.as_ref().and_then(|raw| {
        let span = at(raw.span());
        let written = raw.get_ref().as_written(files.slice(span));
        match parse_date(&written, None) {
            Ok(date) => Some(date),
            Err(error) => {
                let mut finding = Finding::new(
                    Code::LoadDate,
                    format!("`published` is not a date: {}", error.message),
                )
                .at(span, "not a date");
                finding.help = Some(
                    error
                        .hint
                        .unwrap_or_else(|| "write it as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".into()),
                );
                problems.push(finding);
                None
            }
        }
    });
    Source {
        id,
        span: at(raw.header.clone()),
        id_span: value.id.as_ref().map(|id| at(id.span())),
        title,
        publisher,
        author: value.author.as_ref().map(|a| a.get_ref().trim().to_owned()),
        published: anchor,
        kind: value.kind.as_ref().map(|k| k.get_ref().trim().to_owned()),
        url: value.url.as_ref().map(|u| u.get_ref().trim().to_owned()),
        derived_from: Vec::new(),
    }
}
