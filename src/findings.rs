//! Findings: what a run reports, as plain data.
//!
//! Owns the one list of finding codes (stable, namespaced, each with a default severity and a
//! one-line summary) and the [`Finding`] type every stage produces. Nothing here renders: the
//! renderers turn findings into miette diagnostics, lines or JSON.

use std::fmt;

use crate::files::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Reported, and fails `check` unless `--fail-on never`.
    Error,
    /// Reported; fails `check` only with `--fail-on warning`.
    Warning,
    /// Not reported at all.
    Allow,
}

impl Severity {
    /// The lower-case word used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Allow => "allow",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident, $summary:literal;)*) => {
        /// A finding code. Codes are stable: renaming one breaks users' configuration.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in a stable order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The namespaced name, e.g. `factcheck::conflict::date`.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The severity when nothing overrides it.
            #[must_use]
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// What the code means, in one line.
            #[must_use]
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    ConflictDate => "factcheck::conflict::date", Error,
        "Two sources give disjoint dates for one single-valued fact.";
    ConflictNumber => "factcheck::conflict::number", Error,
        "Two sources give numbers outside each other's tolerance for one single-valued fact.";
    ConflictValue => "factcheck::conflict::value", Error,
        "Two sources give different names or texts for one single-valued fact.";
    TensionDate => "factcheck::tension::date", Warning,
        "Two sources give dates that are disjoint only within their approximation margins.";
    DateWeekday => "factcheck::date::weekday", Warning,
        "A source states a weekday that its date does not fall on.";
    NumberIncomparable => "factcheck::number::incomparable", Warning,
        "Two numbers for one fact have units or bases that cannot be compared.";
    TimeIncomparable => "factcheck::time::incomparable", Warning,
        "Two times for one fact cannot be compared: one gives a time zone and the other does not.";
    NumberAmbiguous => "factcheck::number::ambiguous", Warning,
        "A value's unit can be read two ways, and neither its text nor its property's other values decide.";
    NumberEquivalent => "factcheck::number::equivalent", Warning,
        "A value's equivalent in parentheses does not match the value.";
    NameVariant => "factcheck::name::variant", Warning,
        "A name fuzzily matches a canonical one and looks like a variant spelling of it.";
    NameAcronym => "factcheck::name::acronym", Warning,
        "An acronym is given for an expansion whose initials it is not.";
    Order => "factcheck::order", Error,
        "An ordering constraint of rules.toml is violated.";
    QuoteNotFound => "factcheck::quote::not-found", Error,
        "A quote is not in its source's text.";
    QuoteUnsupported => "factcheck::quote::unsupported", Warning,
        "A claim's value does not occur in its own quote.";
    SourceCopy => "factcheck::source::copy", Warning,
        "Two sources share so much that they look dependent, and neither declares it.";
    ReviewStale => "factcheck::review::stale", Warning,
        "A review no longer matches the claims it explained.";
    ReviewExpired => "factcheck::review::expired", Error,
        "A review has passed its expiry date, so its finding counts again.";
    LoadIo => "factcheck::load::io", Error,
        "A file or directory could not be read.";
    LoadEncoding => "factcheck::load::encoding", Error,
        "A file is not valid UTF-8.";
    LoadSyntax => "factcheck::load::syntax", Error,
        "A file is not valid TOML.";
    LoadRow => "factcheck::load::row", Error,
        "A table row cannot be read: a wrong number of cells, bad quoting, a line that is not a JSON object.";
    LoadUnknownKey => "factcheck::load::unknown-key", Error,
        "A key that the file format does not have.";
    LoadType => "factcheck::load::type", Error,
        "A value of the wrong type or outside the allowed values.";
    LoadMissing => "factcheck::load::missing", Error,
        "A required key or table is missing.";
    LoadEmpty => "factcheck::load::empty", Error,
        "A subject, property, value or name is empty.";
    LoadTooLong => "factcheck::load::too-long", Error,
        "A subject, property, value or qualifier is too long to be one.";
    LoadDuplicateId => "factcheck::load::duplicate-id", Error,
        "Two claims of one source have the same id.";
    LoadDuplicateSource => "factcheck::load::duplicate-source", Error,
        "A source id is declared twice (by two claims files, or also in the sources table).";
    LoadUnknownName => "factcheck::load::unknown-name", Error,
        "A reference to a source, subject or property that does not exist.";
    LoadDate => "factcheck::load::date", Error,
        "A value that must be a date cannot be read as one.";
    LoadNumber => "factcheck::load::number", Error,
        "A value that must be a number cannot be read as one.";
    LoadRules => "factcheck::load::rules", Error,
        "rules.toml contradicts itself (a name declared twice, an impossible setting).";
    LoadNoClaims => "factcheck::load::no-claims", Error,
        "The claims directory holds no claims.";
}

impl Code {
    /// Whether this code means the input could not be read as a valid dataset, which makes
    /// `check` exit with status 2 whatever the severity settings.
    #[must_use]
    pub fn is_load(self) -> bool {
        self.as_str().starts_with("factcheck::load::")
    }

    /// Whether a finding of this code can be reviewed or put in a baseline: a finding about the
    /// data, not a load problem (the input must be fixed) nor a finding about a review (the
    /// review must be fixed).
    #[must_use]
    pub fn is_reviewable(self) -> bool {
        !self.is_load() && !self.as_str().starts_with("factcheck::review::")
    }

    /// Whether this code is a disagreement among one fact's values (a conflict, a tension,
    /// values that cannot be compared): the findings the report files under their fact, and
    /// whose primary claim is the least supported value.
    #[must_use]
    pub fn is_disagreement(self) -> bool {
        matches!(
            self,
            Code::ConflictDate
                | Code::ConflictNumber
                | Code::ConflictValue
                | Code::TensionDate
                | Code::NumberIncomparable
                | Code::TimeIncomparable
        )
    }

    /// Looks a code up by its namespaced name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Locations any output lists per finding: the rest are counted ("and 388 more locations").
///
/// A finding keeps every location: its fingerprint, its reviews and `--changed-since` read
/// every claim involved, so capping the list in the producer would change them. Only what is
/// written is capped, through [`Finding::shown_locations`], in every format; without it, a
/// finding's size grows with the data (two sources sharing 800 quotes made a
/// `source::copy` finding of 1,600 locations, and 50 such sources a 1.1 GB SARIF log). A dozen
/// shows the problem in each file involved in nearly every finding.
pub const MAX_LOCATIONS: usize = 12;

/// One reported problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What kind of problem.
    pub code: Code,
    /// Its severity: the code's default until the gate's policy (`triage`) has applied the
    /// overrides of `rules.toml` and the command line.
    pub severity: Severity,
    /// The severity a property's `severity` in `rules.toml` gives its conflicts, which wins
    /// over a per-code setting of `rules.toml` (but not over the command line).
    pub property_severity: Option<Severity>,
    /// Whether the finding is open, or accepted by a review or the baseline.
    pub status: Status,
    /// What is wrong, stating the values involved.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The fact the finding is about, when it is about one.
    pub fact: Option<FactLabel>,
    /// Where it is; the first location is the primary one.
    pub locations: Vec<Location>,
    /// Locations the producer did not build: a finding that could name thousands of claims
    /// (two sources sharing every quote) carries at most [`MAX_LOCATIONS`] and counts the
    /// rest here, so memory and output stay linear in the input.
    pub omitted: usize,
}

impl Finding {
    /// A finding with the code's default severity and no locations yet.
    #[must_use]
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.default_severity(),
            property_severity: None,
            status: Status::Open,
            message: message.into(),
            help: None,
            fact: None,
            locations: Vec::new(),
            omitted: 0,
        }
    }

    /// Adds the help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a location with no claim attached.
    #[must_use]
    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.locations.push(Location {
            span,
            label: label.into(),
            claim: None,
            role: Role::Involved,
        });
        self
    }

    /// The finding's stable identity: its code and the keys and values of the claims
    /// involved, hashed (`fc1-` and 16 hex digits). It does not change when lines move, files
    /// are reformatted or unrelated claims are added, which is what reviews and baselines
    /// need; it changes when a claim involved changes its value or another claim joins.
    /// Findings with no claim (load problems) are identified by their message.
    #[must_use]
    pub fn fingerprint(&self) -> String {
        let parts: Vec<(&str, &str)> = self.claims().map(|c| (c.key(), c.value_key())).collect();
        if parts.is_empty() {
            fingerprint_of(self.code, [(self.message.as_str(), "")])
        } else {
            fingerprint_of(self.code, parts)
        }
    }

    /// The claims the finding is about (not the ones shown for context), in order.
    pub fn claims(&self) -> impl Iterator<Item = &ClaimRef> {
        self.locations
            .iter()
            .filter(|l| l.role == Role::Involved)
            .filter_map(|l| l.claim.as_ref())
    }

    /// The locations an output lists (the first [`MAX_LOCATIONS`], primary first), and how
    /// many more there are.
    #[must_use]
    pub fn shown_locations(&self) -> (&[Location], usize) {
        let shown = &self.locations[..self.locations.len().min(MAX_LOCATIONS)];
        (shown, self.locations.len() - shown.len() + self.omitted)
    }

    /// The help line every text format shows: the producer's help, if any, ending with where
    /// to read more about the code (`factcheck explain CODE`). Built here, once, so that no
    /// finding and no format can leave the pointer out.
    #[must_use]
    pub fn help_line(&self) -> String {
        let more = format!("more in `factcheck explain {}`", self.code);
        match self.help.as_deref().map(str::trim_end) {
            Some(help) if !help.is_empty() => format!("{help} — {more}"),
            _ => more,
        }
    }

    /// The primary location, if the finding has any.
    #[must_use]
    pub fn primary(&self) -> Option<&Location> {
        self.locations.first()
    }
}

pub use crate::gate::identity::{fingerprint_of, hex};

/// Whether a finding still needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Counts: shown, and fails `check` at or above the failing severity.
    Open,
    /// Explained by a review (its index in the dataset's reviews); counted, not failing.
    Reviewed(usize),
    /// Accepted by the baseline file; counted, not failing.
    Baselined,
}

impl Status {
    /// The lower-case word used in machine formats.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Reviewed(_) => "reviewed",
            Status::Baselined => "baselined",
        }
    }
}

/// The subject and property a finding is about, as canonical names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactLabel {
    /// Canonical subject.
    pub subject: String,
    /// Canonical property.
    pub property: String,
    /// Separating qualifiers, `key=value`, sorted.
    pub qualifiers: Vec<String>,
}

impl fmt::Display for FactLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}", self.subject, self.property)?;
        if !self.qualifiers.is_empty() {
            write!(f, " ({})", self.qualifiers.join(", "))?;
        }
        Ok(())
    }
}

/// A place a finding points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The bytes pointed at.
    pub span: Span,
    /// What is there, in words ("ipdf says late 1970s (1977–1979)").
    pub label: String,
    /// The claim the span belongs to, when it belongs to one.
    pub claim: Option<ClaimRef>,
    /// Whether the place is part of the problem or shown for comparison.
    pub role: Role,
}

/// What a location is to its finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Part of the problem: its claim is one the finding is about.
    Involved,
    /// Shown for comparison (the canonical spelling a variant is set against); not part of
    /// the finding's identity, so that it may change without the finding changing.
    Context,
}

/// A claim involved in a finding, with what it states.
///
/// Its six texts are held in one allocation (a finding about a flight's times names a
/// hundred claims, and a large dataset's findings millions): read them through the accessors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    /// The six texts one after another, in the order of [`ClaimText`]'s fields.
    text: Box<str>,
    /// Where each of the first five texts ends in `text` (the sixth ends with it).
    ends: [u32; 5],
}

/// The texts of a [`ClaimRef`], to build one.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimText<'a> {
    /// The id of the claim's source.
    pub source: &'a str,
    /// The claim's id, or its 1-based position when it has none.
    pub claim: &'a str,
    /// The claim's stable identity: `SOURCE#ID`, or for a claim without an id, its source
    /// and a hash of its subject, property and qualifiers (never its position, so that moving
    /// claims keeps it).
    pub key: &'a str,
    /// The value as the source states it.
    pub stated: &'a str,
    /// The value as factcheck understood it, for people.
    pub normalized: &'a str,
    /// The value as factcheck understood it, in a stable machine form (EDTF for dates).
    pub value_key: &'a str,
}

impl ClaimRef {
    /// A claim with these texts.
    #[must_use]
    pub fn new(text: &ClaimText<'_>) -> Self {
        let parts = [
            text.source,
            text.claim,
            text.key,
            text.stated,
            text.normalized,
            text.value_key,
        ];
        let mut joined = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut ends = [0u32; 5];
        for (i, part) in parts.iter().enumerate() {
            joined.push_str(part);
            if let Some(end) = ends.get_mut(i) {
                // A finding's texts are a claim's few fields: far below 4 GiB.
                *end = u32::try_from(joined.len()).unwrap_or(u32::MAX);
            }
        }
        Self {
            text: joined.into_boxed_str(),
            ends,
        }
    }

    /// The `i`th of the six texts.
    fn part(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends.get(i).map_or(self.text.len(), |&e| e as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    /// The id of the claim's source.
    #[must_use]
    pub fn source(&self) -> &str {
        self.part(0)
    }

    /// The claim's id, or its 1-based position when it has none.
    #[must_use]
    pub fn claim(&self) -> &str {
        self.part(1)
    }

    /// The claim's stable identity: `SOURCE#ID`, or for a claim without an id, its source
    /// and a hash of its subject, property and qualifiers (never its position, so that moving
    /// claims keeps it).
    #[must_use]
    pub fn key(&self) -> &str {
        self.part(2)
    }

    /// The value as the source states it.
    #[must_use]
    pub fn stated(&self) -> &str {
        self.part(3)
    }

    /// The value as factcheck understood it, for people.
    #[must_use]
    pub fn normalized(&self) -> &str {
        self.part(4)
    }

    /// The value as factcheck understood it, in a stable machine form (EDTF for dates).
    #[must_use]
    pub fn value_key(&self) -> &str {
        self.part(5)
    }

    /// The claim's address, `SOURCE#ID`.
    #[must_use]
    pub fn address(&self) -> String {
        format!("{}#{}", self.source(), self.claim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_namespaced() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(code.as_str().starts_with("factcheck::"), "{code}");
            assert!(
                code.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == ':' || c == '-'),
                "{code}"
            );
            assert_eq!(Code::parse(code.as_str()), Some(*code));
            assert!(code.summary().ends_with('.'), "{code}");
        }
    }

    #[test]
    fn a_claim_ref_gives_back_each_text_as_built() {
        let cases = [
            [
                "a",
                "1",
                "a#~0f",
                "12/1/11 2:06 PM (-05:00)",
                "14:06 UTC−05:00",
                "2011-12-01T14:06-05:00",
            ],
            ["", "", "", "", "", ""],
            ["source", "", "key", "", "Zürich", ""],
            ["", "x", "", "y", "", "z"],
        ];
        for [source, claim, key, stated, normalized, value_key] in cases {
            let built = ClaimRef::new(&ClaimText {
                source,
                claim,
                key,
                stated,
                normalized,
                value_key,
            });
            assert_eq!(
                [
                    built.source(),
                    built.claim(),
                    built.key(),
                    built.stated(),
                    built.normalized(),
                    built.value_key()
                ],
                [source, claim, key, stated, normalized, value_key]
            );
            assert_eq!(built.address(), format!("{source}#{claim}"));
        }
        let text = |stated| ClaimText {
            stated,
            ..ClaimText::default()
        };
        assert_ne!(
            ClaimRef::new(&ClaimText {
                source: "ab",
                ..text("")
            }),
            ClaimRef::new(&ClaimText {
                source: "a",
                claim: "b",
                ..text("")
            }),
            "the same bytes split differently are other texts"
        );
        assert_eq!(ClaimRef::new(&text("v")), ClaimRef::new(&text("v")));
    }

    #[test]
    fn the_cap_on_locations_leaves_the_fingerprint_alone() {
        let mut finding = Finding::new(Code::SourceCopy, "copies");
        for i in 0..20 {
            finding.locations.push(Location {
                span: Span::new(crate::files::FileId(0), i..i + 1),
                label: format!("claim {i}"),
                claim: Some(ClaimRef::new(&ClaimText {
                    source: "a",
                    claim: &i.to_string(),
                    key: &format!("a#{i}"),
                    stated: "v",
                    normalized: "v",
                    value_key: "v",
                })),
                role: Role::Involved,
            });
        }
        let (shown, hidden) = finding.shown_locations();
        assert_eq!((shown.len(), hidden), (MAX_LOCATIONS, 20 - MAX_LOCATIONS));
        assert_eq!(shown[0].label, "claim 0");
        let keys: Vec<String> = (0..20).map(|i| format!("a#{i}")).collect();
        let pairs = |n: usize| keys[..n].iter().map(|k| (k.as_str(), "v"));
        assert_eq!(
            finding.fingerprint(),
            fingerprint_of(Code::SourceCopy, pairs(20))
        );
        assert_ne!(
            finding.fingerprint(),
            fingerprint_of(Code::SourceCopy, pairs(12))
        );
        let few = Finding::new(Code::LoadSyntax, "x");
        assert_eq!(few.shown_locations(), (&[][..], 0));
    }

    #[test]
    fn load_codes_are_errors() {
        for code in Code::ALL.iter().filter(|c| c.is_load()) {
            assert_eq!(code.default_severity(), Severity::Error, "{code}");
        }
        assert!(!Code::ConflictDate.is_load());
        assert!(Code::ConflictDate.is_reviewable() && Code::NameVariant.is_reviewable());
        assert!(!Code::ReviewStale.is_reviewable() && !Code::LoadSyntax.is_reviewable());
    }

    #[test]
    fn every_help_line_ends_with_where_to_read_more() {
        let bare = Finding::new(Code::SourceCopy, "copies");
        assert_eq!(
            bare.help_line(),
            "more in `factcheck explain factcheck::source::copy`"
        );
        let helped = Finding::new(Code::LoadUnknownKey, "x").with_help("did you mean `source`?\n");
        assert_eq!(
            helped.help_line(),
            "did you mean `source`? — more in `factcheck explain factcheck::load::unknown-key`"
        );
        for code in Code::ALL {
            let line = Finding::new(*code, "m").with_help("h").help_line();
            assert!(
                line.ends_with(&format!("`factcheck explain {code}`")),
                "{line}"
            );
        }
    }
}
