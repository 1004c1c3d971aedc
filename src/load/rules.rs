//! The raw `rules.toml` format (DESIGN 1.2).
//!
//! Owns the serde types that mirror `rules.toml` exactly, with spans, and reading the file
//! into them. Names stay as written; resolving them against the claims is `normalize`'s job.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::files::FileId;
use crate::findings::Finding;
use crate::load::document::{self, Element, Partial};
use crate::load::reviews::{self, RawReview};
use crate::load::scalar::RawScalar;

/// The whole `rules.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    /// How names are matched.
    pub names: Option<RawNames>,
    /// When two sources are reported as dependent (`factcheck::source::copy`).
    pub copies: Option<RawCopies>,
    /// Entities: canonical names with their aliases.
    #[serde(default)]
    pub entity: Vec<RawEntity>,
    /// Properties: canonical names, aliases, types, cardinality, separators.
    #[serde(default)]
    pub property: Vec<RawProperty>,
    /// Ordering constraints between facts.
    #[serde(default)]
    pub order: Vec<RawOrder>,
    /// Severities by code: `"factcheck::tension::date" = "error"`. A namespace
    /// (`"factcheck::name"`) sets every code in it; the longest match wins.
    pub severity: Option<BTreeMap<String, RawSeverity>>,
    /// Reviews of findings (they may also live in a reviews file).
    #[serde(default)]
    pub review: Vec<RawReview>,
    /// How the columns of wide CSV or TSV claims files map to claims.
    #[serde(default)]
    pub table: Vec<RawTable>,
}

/// One `[[table]]`: how the columns of matching CSV or TSV claims files map to claims, for a
/// wide table (one row per source and subject, a column per property) whose header alone does
/// not say it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    /// Which files: a glob over paths relative to the claims directory (`crawl/*.tsv`,
    /// `**/*.csv.gz`); the first `[[table]]` that matches a file maps it.
    #[schemars(with = "String")]
    pub files: Spanned<String>,
    /// The column naming each row's source (default: a column named `source`, else the file
    /// name without its extensions).
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    /// The column naming each row's subject.
    #[schemars(with = "String")]
    pub subject: Spanned<String>,
    /// The files have no header row: these name their columns, in order.
    #[schemars(with = "Option<Vec<String>>")]
    pub columns: Option<Vec<Spanned<String>>>,
    /// The columns that are properties, each named by its header (default: every column not
    /// named elsewhere in the entry). When given, a column named nowhere is an error.
    #[schemars(with = "Option<Vec<String>>")]
    pub properties: Option<Vec<Spanned<String>>>,
    /// The columns that are qualifiers, each keyed by its header.
    #[schemars(with = "Option<Vec<String>>")]
    pub qualifiers: Option<Vec<Spanned<String>>>,
    /// Columns left out.
    #[schemars(with = "Option<Vec<String>>")]
    pub ignore: Option<Vec<Spanned<String>>>,
    /// The type of property columns (`{ "Departure" = "date" }`), as `[[property]]`'s `type`
    /// would declare it for the property the column names.
    #[schemars(with = "Option<BTreeMap<String, RawType>>")]
    pub types: Option<BTreeMap<Spanned<String>, Spanned<RawType>>>,
    /// Qualifiers every row of the files has (`{ crawl_day = "{stem}" }`); `{stem}` in a value
    /// stands for the file's name without its extensions.
    #[schemars(with = "Option<BTreeMap<String, RawScalar>>")]
    pub qualifier: Option<BTreeMap<Spanned<String>, Spanned<RawScalar>>>,
    /// How the files are delimited, whatever their names say (`"tsv"` for a crawl saved as
    /// `.txt`); files the glob matches are then read even when their extension names no table.
    /// The compression is still read from the name (`.gz`, `.zst`, `.xz`).
    #[schemars(with = "Option<RawFormat>")]
    pub format: Option<Spanned<RawFormat>>,
    /// For date-times: the zone of the files' values stated without one, as a property's
    /// `zone` is written (`"-05:00"`, `"UTC"`, `"EST"`). It applies to every value the files
    /// give, before any property's `zone`.
    #[schemars(with = "Option<ZoneSchema>")]
    pub zone: Option<Spanned<String>>,
}

/// How a `[[table]]`'s files are delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawFormat {
    /// Comma-separated, RFC 4180 quoting.
    Csv,
    /// Tab-separated, no quoting.
    Tsv,
}

/// The `[names]` table: fuzzy name matching settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNames {
    /// Which fuzzy levels make a name a variant of another (default: all three).
    /// `close`: one typo; `similar`: a few typos, each word close; `reordered`: same words,
    /// another order.
    #[schemars(with = "Option<Vec<RawLevel>>")]
    pub variants: Option<Vec<Spanned<RawLevel>>>,
    /// Names shorter than this many letters and digits are never matched fuzzily (default 4).
    #[schemars(with = "Option<u32>")]
    pub min_length: Option<Spanned<u32>>,
    /// Abbreviations of your own, each a word and what it stands for: `{ "Cttee" =
    /// "Committee" }`. They fold into their expansion in every name, as the built-in ones do
    /// (`Mt.`, `St.`, `Ft.`, `U.S.`, `Univ.`…); one of yours replaces a built-in one.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub abbreviations: Option<BTreeMap<String, Spanned<String>>>,
}

/// The `[copies]` table: when two sources share so much that they look dependent.
///
/// The evidence between two sources is the identical quotes they share (at least five words
/// long, and shared by at most fifty sources) and the rare values they share (the same value,
/// worded alike, that every other source stating the fact contradicts).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCopies {
    /// How many pieces of evidence two sources must share to look dependent (default 3).
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub min_shared: Option<Spanned<i64>>,
    /// The share of the smaller source's claims the evidence must also reach, from 0 to 1
    /// (default 0.2).
    #[schemars(with = "Option<f64>", range(min = 0, max = 1))]
    pub min_fraction: Option<Spanned<f64>>,
}

/// A fuzzy matching level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawLevel {
    /// One typo in the whole name ("ITTP" for "ITPP").
    Close,
    /// Several typos, every word close to its counterpart.
    Similar,
    /// The same words in another order.
    Reordered,
}

/// One `[[entity]]`: a canonical name and its aliases.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    /// The canonical spelling, shown in reports.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Other names for the same thing: acronyms, translations, old names.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// Free text for the people maintaining the rules.
    pub note: Option<String>,
}

/// One `[[property]]`: how claims of a property are compared.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProperty {
    /// The canonical name.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Other names claims may use for it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// The value type; inferred from the values when omitted.
    #[serde(rename = "type")]
    #[schemars(with = "Option<RawType>")]
    pub kind: Option<Spanned<RawType>>,
    /// Whether a subject has one value (`single`, the default) or several (`multi`).
    #[schemars(with = "Option<RawCardinality>")]
    pub cardinality: Option<Spanned<RawCardinality>>,
    /// Qualifier keys whose differing values make two claims about different facts. When
    /// omitted, every qualifier key does.
    #[schemars(with = "Option<Vec<String>>")]
    pub separators: Option<Vec<Spanned<String>>>,
    /// Severity of a conflict on this property.
    #[schemars(with = "Option<RawSeverity>")]
    pub severity: Option<Spanned<RawSeverity>>,
    /// For numbers: how far apart values may be and still agree, beyond their stated
    /// precision. A percentage (`"5%"`) is of the larger value; an amount with its unit
    /// (`"10 m"`, `"500 ft"`, `"$1 million"`, `"3 days"`, `"0.5 percentage points"`) is
    /// converted to the values' scale and applies to the values it can be compared with (it
    /// must fit some of the property's values); a bare number (`1000`, `"1,000"`) is an amount
    /// in the base unit of whichever values it compares: metres, kilograms, square metres,
    /// days, the currency's unit, percentage points, or the count. For date-times: a duration
    /// (`"5 min"`), how far apart two times may be and still agree. Never negative.
    #[schemars(with = "Option<ToleranceSchema>")]
    pub tolerance: Option<Spanned<RawScalar>>,
    /// For date-times: the zone of values stated without one, as an offset from UTC
    /// (`"-06:00"`, `"+05:30"`, `"UTC"`) or an abbreviation of the README's table (`"CST"`,
    /// which also picks that reading of an ambiguous abbreviation). Without it, a time with no
    /// zone is local and compares with other local times only.
    #[schemars(with = "Option<ZoneSchema>")]
    pub zone: Option<Spanned<String>>,
    /// Free text for the people maintaining the rules.
    pub note: Option<String>,
}

/// What a `zone` may be, for the JSON Schema only: the pattern is built from the zone table,
/// so the schema refuses what the loader refuses (an IANA name, an unknown abbreviation).
pub struct ZoneSchema;

impl JsonSchema for ZoneSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Zone")
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An offset from UTC (\"-06:00\", \"+05:30\", \"UTC\") or a zone abbreviation (\"CST\", \"CET\").",
            "type": "string",
            "pattern": crate::normalize::time::zone_pattern()
        })
    }
}

/// What a `tolerance` may be, for the JSON Schema only: the loader reads any scalar and refuses
/// what is not a tolerance at its span (a boolean, a date, a negative amount, a word), and the
/// schema must refuse the same. `tests/schema.rs` holds both to a table of rules files; a
/// new written form of a tolerance goes into that table and into [`TOLERANCE_PATTERN`].
pub struct ToleranceSchema;

/// The strings the loader may read as a tolerance: a non-negative figure, optionally after a
/// currency sign, followed by `%`, by a unit's words (`10 m`, `500 ft`, `1 million`), or by
/// nothing (whether the words name a unit that fits the values only the loader can tell).
pub const TOLERANCE_PATTERN: &str =
    r"^\s*\+?[$€£¥]?\s*(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?(\s*%|\s*[^\s%\d\-].*)?\s*$";

impl JsonSchema for ToleranceSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Tolerance")
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A percentage (\"5%\"), an amount with its unit (\"10 m\") or a non-negative number.",
            "type": ["string", "number"],
            "minimum": 0,
            "pattern": TOLERANCE_PATTERN
        })
    }
}

/// A value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawType {
    /// A date or a vague date ("late 1970s").
    Date,
    /// A date-time or a time of day ("2011-12-01 13:55 CST", "1:55 PM").
    Datetime,
    /// A number, possibly with a unit, a range or vagueness ("$55 billion").
    Number,
    /// A name, matched through aliases, acronyms and fuzzy spelling.
    Name,
    /// Free text, compared after folding case and punctuation.
    Text,
}

/// Single- or multi-valued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawCardinality {
    /// One value per fact: differing values conflict.
    Single,
    /// Several values per fact: differing values are all true.
    Multi,
}

/// A severity as written in `rules.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawSeverity {
    /// Fails `check`.
    Error,
    /// Reported; fails `check` only with `--fail-on warning`.
    Warning,
    /// Not reported.
    Allow,
}

/// One `[[order]]`: the `before` fact happened no later than the `after` fact.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrder {
    /// The fact that comes first.
    #[schemars(with = "RawFactRef")]
    pub before: Spanned<RawFactRef>,
    /// The fact that comes second.
    #[schemars(with = "RawFactRef")]
    pub after: Spanned<RawFactRef>,
    /// Why the order must hold.
    pub note: Option<String>,
}

/// A reference to a fact: a property, and optionally the subject.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFactRef {
    /// The subject; when omitted, the constraint applies to every subject that has both
    /// properties.
    #[schemars(with = "Option<String>")]
    pub subject: Option<Spanned<String>>,
    /// The property (a date).
    #[schemars(with = "String")]
    pub property: Spanned<String>,
}

/// `rules.toml` as read: whatever could be loaded of it.
#[derive(Debug, Clone, Default)]
pub struct LoadedRules {
    /// The file, when one was read.
    pub file: Option<FileId>,
    /// `[names]`.
    pub names: Option<Element<RawNames>>,
    /// `[copies]`.
    pub copies: Option<Element<RawCopies>>,
    /// Every `[[entity]]` that loaded.
    pub entities: Vec<Element<RawEntity>>,
    /// Every `[[property]]` that loaded.
    pub properties: Vec<Element<RawProperty>>,
    /// Every `[[order]]` that loaded.
    pub orders: Vec<Element<RawOrder>>,
    /// The `[severity]` table, when it loaded.
    pub severity: Option<Element<BTreeMap<Spanned<String>, Spanned<RawSeverity>>>>,
    /// Every `[[review]]` that loaded.
    pub reviews: Vec<Element<RawReview>>,
    /// Every `[[table]]` that loaded.
    pub tables: Vec<Element<RawTable>>,
}

/// Reads `rules.toml`, pushing every problem found.
pub fn read(file: FileId, text: &str, problems: &mut Vec<Finding>) -> LoadedRules {
    let document::Parsed { mut root, broken } = document::parse(file, text, problems);
    let top_level = document::fields_of::<RawRules>();
    document::check_top_level(file, &mut root, top_level, "rules.toml", problems);
    let mut rules = LoadedRules {
        file: Some(file),
        ..LoadedRules::default()
    };
    if let Some(value) = root.remove("names") {
        rules.names = document::element(file, value, "[names]", &broken, Partial::Reject, problems);
    }
    if let Some(value) = root.remove("copies") {
        rules.copies =
            document::element(file, value, "[copies]", &broken, Partial::Reject, problems);
    }
    rules.entities = elements(file, &mut root, "entity", &broken, problems);
    rules.properties = elements(file, &mut root, "property", &broken, problems);
    rules.orders = elements(file, &mut root, "order", &broken, problems);
    if let Some(value) = root.remove("severity") {
        rules.severity = document::element(
            file,
            value,
            "[severity]",
            &broken,
            Partial::Reject,
            problems,
        );
    }
    rules.reviews = reviews::elements(file, &mut root, &broken, problems);
    rules.tables = elements(file, &mut root, "table", &broken, problems);
    rules.properties.extend(typed_columns(&rules.tables));
    rules
}

/// The property declarations `[[table]]` entries make by typing their columns: each is a
/// `[[property]]` with a name and a type, located at the column's key.
fn typed_columns(tables: &[Element<RawTable>]) -> Vec<Element<RawProperty>> {
    tables
        .iter()
        .flat_map(|table| table.value.types.iter().flatten())
        .map(|(column, kind)| Element {
            value: RawProperty {
                name: column.clone(),
                aliases: Vec::new(),
                kind: Some(kind.clone()),
                cardinality: None,
                separators: None,
                severity: None,
                tolerance: None,
                note: None,
                zone: None,
            },
            span: column.span().start..kind.span().end,
            header: column.span(),
            set_aside: Vec::new(),
        })
        .collect()
}

fn elements<'a, T: Deserialize<'a>>(
    file: FileId,
    root: &mut toml::de::DeTable<'a>,
    key: &str,
    broken: &[usize],
    problems: &mut Vec<Finding>,
) -> Vec<Element<T>> {
    let Some(value) = root.remove(key) else {
        return Vec::new();
    };
    let what = format!("[[{key}]]");
    document::array_items(file, value, key, problems)
        .into_iter()
        .filter_map(|item| document::element(file, item, &what, broken, Partial::Reject, problems))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;

    #[test]
    fn a_full_rules_file_loads() {
        let text = r#"
[names]
variants = ["close", "reordered"]
min_length = 3

[copies]
min_shared = 4
min_fraction = 1

[[entity]]
name = "Individually Tailored Partnership Programme"
aliases = ["ITPP"]

[[property]]
name = "established"
aliases = ["opened"]
type = "date"
cardinality = "single"
separators = ["fiscal_year"]
severity = "warning"

[[property]]
name = "budget"
type = "number"
tolerance = "5%"

[[order]]
before = { subject = "IPCP", property = "signed" }
after = { property = "signed" }
note = "the ITPP replaced the IPCP"
"#;
        let mut problems = Vec::new();
        let rules = read(FileId(0), text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rules.entities.len(), 1);
        assert_eq!(rules.properties.len(), 2);
        assert_eq!(rules.orders.len(), 1);
        assert!(rules.orders[0].value.after.get_ref().subject.is_none());
        let copies = rules.copies.expect("[copies]").value;
        assert_eq!(copies.min_shared.map(|m| *m.get_ref()), Some(4));
        assert_eq!(
            copies.min_fraction.map(|m| *m.get_ref()),
            Some(1.0),
            "an integer is a number"
        );
    }

    #[test]
    fn bad_enum_values_suggest_the_closest() {
        let mut problems = Vec::new();
        let _ = read(
            FileId(0),
            "[[property]]\nname = \"x\"\ntype = \"dat\"\n",
            &mut problems,
        );
        assert_eq!(problems[0].code, Code::LoadType);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `date`?"));
    }

    #[test]
    fn nested_unknown_keys_are_reported() {
        let mut problems = Vec::new();
        let _ = read(
            FileId(0),
            "[[order]]\nbefore = { subjet = \"a\", property = \"p\" }\nafter = { property = \"q\" }\n",
            &mut problems,
        );
        assert_eq!(problems[0].code, Code::LoadUnknownKey);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `subject`?"));
    }
}
