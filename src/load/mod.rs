//! Stage 1: files on disk to raw, spanned structs.
//!
//! Owns finding and reading the claims files and `rules.toml`, and turning each into the raw
//! types of [`claims`] and [`rules`]. Every problem (missing path, bad encoding, TOML syntax,
//! unknown keys, wrong types) becomes a located finding and loading goes on with the next
//! element or file. Nothing here interprets values or resolves names.

pub mod claims;
pub mod document;
pub mod raw;
pub mod reviews;
pub mod rules;
pub mod scalar;
pub mod sources;
pub mod table;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::files::{FileId, Files, Span, display_name, display_path};
use crate::findings::{Code, Finding};
use crate::fs::walk::walk;
use crate::fs::{FileSystem, FsError, Origin, OsFs, Text};

use self::claims::LoadedClaimsFile;
use self::rules::LoadedRules;
use self::table::files::{TableToRead, read_table, read_tables};
pub use self::table::files::{kind_of, table_claims, table_layouts};

/// Where `rules.toml` comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesPath {
    /// The default location: used when it exists, silently skipped when it does not.
    Default(PathBuf),
    /// Given on the command line: it must exist.
    Given(PathBuf),
}

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The directory of claims files (searched recursively for TOML files and tables).
    pub claims_dir: PathBuf,
    /// The rules file.
    pub rules: RulesPath,
    /// The reviews file (default `reviews.toml`, used when present).
    pub reviews: RulesPath,
    /// How far reading may go.
    pub access: Access,
}

/// How far reading may go (the trust boundary: a dataset is untrusted input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// The dataset root, which every file read must be inside. `None`: the current directory
    /// when it holds the claims directory, else the directory that holds the claims directory.
    pub root: Option<PathBuf>,
    /// Whether symbolic links and `text` paths may lead outside the root.
    pub outside_root: bool,
    /// The largest file read, in bytes.
    pub max_file_size: u64,
}

impl Access {
    /// The default largest file: 64 MiB.
    pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 << 20;
}

impl Default for Access {
    fn default() -> Self {
        Self {
            root: None,
            outside_root: false,
            max_file_size: Self::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// The reviews of one file.
#[derive(Debug, Clone)]
pub struct LoadedReviews {
    /// The file.
    pub file: FileId,
    /// Every `[[review]]` that loaded.
    pub reviews: Vec<document::Element<reviews::RawReview>>,
}

/// Everything loaded, with the problems met on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Every file read.
    pub files: Files,
    /// The sources declared, in path order (one per TOML claims file).
    pub sources: Vec<raw::SourceDecl>,
    /// The claims of every input file, in path order.
    pub claims: Vec<raw::ClaimsInput>,
    /// The rules (empty when there is no rules file).
    pub rules: LoadedRules,
    /// The reviews file's reviews (those in `rules.toml` are in `rules`).
    pub reviews: Option<LoadedReviews>,
    /// Every problem met, in the order met.
    pub problems: Vec<Finding>,
}

/// Loads the claims directory and the rules file from the disk, confined as `request.access`
/// says.
#[must_use]
pub fn load(request: &Request) -> Loaded {
    match OsFs::new(&request.access, &request.claims_dir) {
        Ok(fs) => load_from(&fs, request),
        Err(error) => {
            let root = request.access.root.as_deref().map_or_else(
                || "the dataset root".to_owned(),
                |root| format!("the dataset root `{}`", display_path(root)),
            );
            let problem = Finding::new(Code::LoadIo, format!("cannot use {root}: {error}"))
                .with_help("pass an existing directory to --root, or run factcheck in the dataset");
            Loaded {
                files: Files::new(),
                sources: Vec::new(),
                claims: Vec::new(),
                rules: LoadedRules::default(),
                reviews: None,
                problems: vec![problem],
            }
        }
    }
}

/// Loads the claims directory and the rules file through a file system.
#[must_use]
pub fn load_from(fs: &dyn FileSystem, request: &Request) -> Loaded {
    let mut files = Files::new();
    let mut problems = Vec::new();

    let rules = match &request.rules {
        RulesPath::Given(path) => read_rules(fs, path, true, &mut files, &mut problems),
        RulesPath::Default(path) => read_rules(fs, path, false, &mut files, &mut problems),
    };
    let reviews = match &request.reviews {
        RulesPath::Given(path) => read_reviews(fs, path, true, &mut files, &mut problems),
        RulesPath::Default(path) => read_reviews(fs, path, false, &mut files, &mut problems),
    };

    let layouts = table::wide::layouts(&rules, &files, &mut problems);
    let paths = match discover(fs, &request.claims_dir, &layouts) {
        Ok((paths, found)) => {
            problems.extend(found);
            paths
        }
        Err(problem) => {
            problems.push(*problem);
            Vec::new()
        }
    };
    let (to_parse, tables) = read_all(
        fs,
        paths,
        (&layouts, &request.claims_dir),
        request.access.max_file_size,
        &mut files,
        &mut problems,
    );

    let parsed: Vec<_> = to_parse
        .into_par_iter()
        .map(|(id, stem, dir, text)| {
            let mut found = Vec::new();
            let loaded = claims::read(id, stem, &text, &mut found);
            let source_text = read_source_text(fs, &loaded, &dir, &mut found);
            let (decl, input) = loaded.into_records(&text);
            (decl, input, source_text, found)
        })
        .collect();
    let read_tables = read_tables(tables, &layouts, &request.claims_dir, &files, &mut problems);
    let mut sources = Vec::with_capacity(parsed.len());
    let mut claims = Vec::with_capacity(parsed.len() + read_tables.len());
    let mut texts_read = rustc_hash::FxHashSet::default();
    for (mut decl, input, source_text, found) in parsed {
        problems.extend(found);
        if let Some((path, text)) = source_text {
            // The text is an input like any other: listed, hashed, never overwritten.
            if texts_read.insert(path.clone()) {
                files.add(path, Arc::clone(&text));
            }
            decl.text = Some(text);
        }
        sources.push(decl);
        claims.push(input);
    }
    for (input, found) in read_tables {
        problems.extend(found);
        claims.push(input);
    }
    sources.extend(sources_table(
        fs,
        &request.claims_dir,
        &mut files,
        &mut texts_read,
        &mut problems,
    ));
    // Path order, whatever the format.
    claims.sort_by_key(|input| input.file);

    if claims.is_empty() && !problems.iter().any(|p| p.code == Code::LoadIo) {
        problems.push(
            Finding::new(
                Code::LoadNoClaims,
                format!("no claims files in `{}`", display_path(&request.claims_dir)),
            )
            .with_help(
                "add one `.toml` file per source, or tables of claims (`.csv`, `.tsv`, `.jsonl`; \
                 see the README for the formats), or run `factcheck init` for an example \
                 dataset to start from",
            ),
        );
    }

    Loaded {
        files,
        sources,
        claims,
        rules,
        reviews,
        problems,
    }
}

/// The sources table's declarations, with their texts read.
fn sources_table(
    fs: &dyn FileSystem,
    claims_dir: &Path,
    files: &mut Files,
    texts_read: &mut rustc_hash::FxHashSet<PathBuf>,
    problems: &mut Vec<Finding>,
) -> Vec<raw::SourceDecl> {
    let mut decls = sources::read(fs, claims_dir, files, problems);
    for decl in &mut decls {
        let dir = files
            .get(decl.file)
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if let Some((path, text)) = decl
            .text_path
            .as_ref()
            .and_then(|written| read_text(fs, written, &dir, problems))
        {
            if texts_read.insert(path.clone()) {
                files.add(path, Arc::clone(&text));
            }
            decl.text = Some(text);
        }
    }
    decls
}

/// A TOML claims file to parse: its id, stem, directory and text.
type TomlToParse = (FileId, String, PathBuf, Arc<str>);

/// Reads every discovered file (in parallel) and adds it to the file table (in path order).
fn read_all(
    fs: &dyn FileSystem,
    paths: Vec<PathBuf>,
    (layouts, claims_dir): (&[table::wide::Layout], &Path),
    limit: u64,
    files: &mut Files,
    problems: &mut Vec<Finding>,
) -> (Vec<TomlToParse>, Vec<TableToRead>) {
    let texts: Vec<_> = paths
        .par_iter()
        .map(|path| match kind_of(layouts, claims_dir, path) {
            Some(kind) => Read::Table(kind, read_table(fs, path, kind, limit)),
            None => Read::Toml(fs.read(path, Origin::Found).map(Text::decode)),
        })
        .collect();
    let mut to_parse = Vec::with_capacity(texts.len());
    let mut tables = Vec::new();
    for (path, text) in paths.into_iter().zip(texts) {
        let text = match text {
            Read::Toml(text) => text,
            Read::Table(kind, Ok(decoded)) => {
                let stem = table::Kind::stem(&path);
                let id = files.add(path, Arc::clone(&decoded.text));
                tables.push((id, stem, kind, decoded));
                continue;
            }
            Read::Table(_, Err(problem)) => {
                problems.push(*problem);
                continue;
            }
        };
        match text {
            Ok(Text::Valid(text)) => {
                let stem = stem_of(&path);
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let text: Arc<str> = Arc::from(text);
                let id = files.add(path, text.clone());
                to_parse.push((id, stem, dir, text));
            }
            Ok(Text::Invalid { lossy, valid_up_to }) => {
                let shown = display_path(&path);
                let id = files.add(path, Arc::from(lossy));
                problems.push(encoding_problem(id, &shown, valid_up_to));
            }
            Err(error) => problems.push(io_problem(&error)),
        }
    }

    (to_parse, tables)
}

/// A discovered file, read.
enum Read {
    /// A TOML claims file.
    Toml(Result<Text, FsError>),
    /// A table, decompressed and decoded.
    Table(table::Kind, Result<table::decode::Decoded, Box<Finding>>),
}

/// A refused or failed read, as a finding about the file.
fn io_problem(error: &FsError) -> Finding {
    Finding::new(Code::LoadIo, error.to_string()).with_help(error.help())
}

/// The text `[source] text` names, relative to the claims file, with the path it was read
/// at. The path comes from the dataset: it must be relative and stay inside the root.
fn read_source_text(
    fs: &dyn FileSystem,
    loaded: &LoadedClaimsFile,
    dir: &Path,
    problems: &mut Vec<Finding>,
) -> Option<(PathBuf, Arc<str>)> {
    let field = loaded.source.as_ref()?.value.text.as_ref()?;
    let written = raw::Spanned::new(
        raw::Text::from(field.get_ref().as_str()),
        Span::new(loaded.file, field.span()),
    );
    read_text(fs, &written, dir, problems)
}

/// A source's full text, read at the path written (relative to `dir`, the directory of the
/// file that declares the source), with the path it was read at.
fn read_text(
    fs: &dyn FileSystem,
    written: &raw::Spanned<raw::Text>,
    dir: &Path,
    problems: &mut Vec<Finding>,
) -> Option<(PathBuf, Arc<str>)> {
    match fs.read_written(dir, Path::new(&*written.value)) {
        // A text with stray bytes can still be searched for quotes.
        Ok((path, bytes)) => Some((path, Arc::from(String::from_utf8_lossy(&bytes).as_ref()))),
        Err(error) => {
            let (label, help) = match error {
                FsError::NotFound { .. } => (
                    "source text not found",
                    "`text` is a path relative to the claims file; fix it or remove it",
                ),
                _ => ("source text refused", error.help()),
            };
            problems.push(
                Finding::new(Code::LoadIo, format!("the source text {error}"))
                    .with_help(help)
                    .at(written.span, label),
            );
            None
        }
    }
}

fn encoding_problem(file: FileId, shown: &str, valid_up_to: usize) -> Finding {
    // The lossy text keeps every valid byte in place, so the offset still points at the
    // first bad sequence (now a replacement character, 3 bytes long).
    Finding::new(Code::LoadEncoding, format!("`{shown}` is not valid UTF-8"))
        .with_help("save the file as UTF-8")
        .at(
            Span::new(file, valid_up_to..valid_up_to + '\u{FFFD}'.len_utf8()),
            "the first byte that is not UTF-8",
        )
}

/// Reads a rules or reviews file: the text, or `None` when there is nothing to parse (a
/// default file that is absent, or a problem already reported).
fn read_optional(
    fs: &dyn FileSystem,
    path: &Path,
    required: bool,
    flag: &str,
    files: &mut Files,
    problems: &mut Vec<Finding>,
) -> Option<(FileId, Arc<str>)> {
    match fs.read(path, Origin::Argument).map(Text::decode) {
        Ok(Text::Valid(text)) => {
            let text: Arc<str> = Arc::from(text);
            let id = files.add(path.to_path_buf(), text.clone());
            Some((id, text))
        }
        Ok(Text::Invalid { lossy, valid_up_to }) => {
            let id = files.add(path.to_path_buf(), Arc::from(lossy));
            problems.push(encoding_problem(id, &display_path(path), valid_up_to));
            None
        }
        Err(error) if error.is_not_found() && !required => None,
        Err(error) => {
            let mut problem = io_problem(&error);
            if error.is_not_found() {
                let without = flag.trim_start_matches('-');
                problem.help = Some(format!(
                    "pass an existing file to {flag}, or leave it out to run without {without}"
                ));
            }
            problems.push(problem);
            None
        }
    }
}

fn read_rules(
    fs: &dyn FileSystem,
    path: &Path,
    required: bool,
    files: &mut Files,
    problems: &mut Vec<Finding>,
) -> LoadedRules {
    read_optional(fs, path, required, "--rules", files, problems)
        .map(|(id, text)| rules::read(id, &text, problems))
        .unwrap_or_default()
}

fn read_reviews(
    fs: &dyn FileSystem,
    path: &Path,
    required: bool,
    files: &mut Files,
    problems: &mut Vec<Finding>,
) -> Option<LoadedReviews> {
    read_optional(fs, path, required, "--reviews", files, problems).map(|(file, text)| {
        LoadedReviews {
            file,
            reviews: reviews::read(file, &text, problems),
        }
    })
}

/// Every claims file (`*.toml`, and tables: `*.csv`, `*.tsv`, `*.jsonl`, optionally `.gz`,
/// `.zst` or `.xz`, and files a `[[table]]` of `layouts` gives a `format`) under `dir`, sorted
/// by path, with a problem for every entry that could not be looked at; hidden files and
/// directories are skipped, links followed inside the root only, each directory listed once.
///
/// # Errors
/// When the directory does not exist or cannot be listed.
pub fn discover(
    fs: &dyn FileSystem,
    dir: &Path,
    layouts: &[table::wide::Layout],
) -> Result<(Vec<PathBuf>, Vec<Finding>), Box<Finding>> {
    let shown = display_path(dir);
    let is_input = |path: &Path| {
        path.extension().is_some_and(|ext| ext == "toml") || kind_of(layouts, dir, path).is_some()
    };
    // A claims file named on the command line is a dataset of one file.
    let named = fs.node(dir, Origin::Found).ok();
    if named.is_some_and(|node| node.kind == crate::fs::Kind::File) && is_input(dir) {
        return Ok((vec![dir.to_path_buf()], Vec::new()));
    }
    match walk(fs, dir, &is_input) {
        Ok(walk) => Ok((walk.files, walk.problems.iter().map(io_problem).collect())),
        Err(FsError::NotFound { .. }) => Err(Box::new(
            Finding::new(
                Code::LoadIo,
                format!("the claims directory `{shown}` does not exist"),
            )
            .with_help(
                "pass the directory of claims files, run factcheck where `claims/` is, or run \
                 `factcheck init` to start a dataset here",
            ),
        )),
        Err(FsError::Kind { .. }) => Err(Box::new(
            Finding::new(Code::LoadIo, format!("`{shown}` is not a directory")).with_help(
                "pass the directory that holds the claims files, or one claims file (`.toml`, \
                     `.csv`, `.tsv`, `.jsonl`, optionally `.gz`, `.zst` or `.xz`)",
            ),
        )),
        Err(error) => Err(Box::new(io_problem(&error))),
    }
}

/// The source id a file's name gives: its stem, shown as [`display_name`] shows names (so two
/// names that are not UTF-8 never give one id).
fn stem_of(path: &Path) -> String {
    path.file_stem().map(display_name).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &[u8]) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    const SOURCE: &str = "[source]\ntitle = \"T\"\npublisher = \"P\"\n[[claim]]\nsubject = \"s\"\nproperty = \"p\"\nvalue = \"v\"\n";

    fn request(dir: &Path) -> Request {
        Request {
            claims_dir: dir.join("claims"),
            rules: RulesPath::Default(dir.join("rules.toml")),
            reviews: RulesPath::Default(dir.join("reviews.toml")),
            access: Access::default(),
        }
    }

    #[test]
    fn files_are_found_recursively_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "claims/b.toml", SOURCE.as_bytes());
        write(dir.path(), "claims/a/c.toml", SOURCE.as_bytes());
        write(dir.path(), "claims/.hidden.toml", b"junk");
        write(dir.path(), "claims/notes.txt", b"junk");
        let loaded = load(&request(dir.path()));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let stems: Vec<_> = loaded.sources.iter().map(raw::SourceDecl::id).collect();
        assert_eq!(stems, vec!["c", "b"]);
    }

    #[test]
    fn a_bad_file_does_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "claims/a.toml", b"[source\n");
        write(dir.path(), "claims/b.toml", b"\xff\xfe");
        write(dir.path(), "claims/c.toml", SOURCE.as_bytes());
        let loaded = load(&request(dir.path()));
        let codes: Vec<_> = loaded.problems.iter().map(|p| p.code).collect();
        assert!(codes.contains(&Code::LoadSyntax), "{codes:?}");
        assert!(codes.contains(&Code::LoadEncoding), "{codes:?}");
        assert_eq!(loaded.claims.last().unwrap().claims.len(), 1);
    }

    #[test]
    fn missing_and_empty_directories_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(&request(dir.path()));
        assert_eq!(loaded.problems[0].code, Code::LoadIo);
        let suggests_init = |finding: &Finding| {
            finding
                .help
                .as_deref()
                .is_some_and(|help| help.contains("`factcheck init`"))
        };
        assert!(suggests_init(&loaded.problems[0]), "{:?}", loaded.problems);
        std::fs::create_dir(dir.path().join("claims")).unwrap();
        let loaded = load(&request(dir.path()));
        assert_eq!(loaded.problems[0].code, Code::LoadNoClaims);
        assert!(suggests_init(&loaded.problems[0]), "{:?}", loaded.problems);
    }

    #[test]
    fn a_given_rules_file_must_exist_but_the_default_may_not() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "claims/a.toml", SOURCE.as_bytes());
        assert!(load(&request(dir.path())).problems.is_empty());
        let given = Request {
            rules: RulesPath::Given(dir.path().join("missing.toml")),
            ..request(dir.path())
        };
        let loaded = load(&given);
        assert_eq!(loaded.problems[0].code, Code::LoadIo);
        assert!(loaded.problems[0].message.contains("missing.toml"));
    }
}
