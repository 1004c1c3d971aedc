//! Test datasets built in memory and written in either input format (ARCHITECTURE P10).
//!
//! Owns [`Dataset`]: sources and their claims described once, then written as one TOML claims
//! file per source ([`Dataset::to_toml`]) or as one long CSV table with a sources table
//! ([`Dataset::to_csv`]), into a [`MemoryFs`] the real pipeline reads. A behaviour tested on
//! one dataset can so be tested on both formats, and the formats held to the same findings.
//! It must not know what the pipeline makes of the data: it only writes it.

use std::fmt::Write as _;

use crate::Checked;
use crate::fs::MemoryFs;
use crate::load::{Access, Request, RulesPath};
use crate::triage::Policy;

/// A claim as a dataset states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimSpec {
    /// The claim's id within its source, if it has one.
    pub id: Option<String>,
    /// What the claim is about.
    pub subject: String,
    /// Which property of it.
    pub property: String,
    /// The value as written.
    pub value: String,
    /// Qualifiers, `(key, value)`.
    pub qualifiers: Vec<(String, String)>,
}

/// A source and its claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpec {
    /// The source's id (also its TOML file's name).
    pub id: String,
    /// Its `published` date, as TOML writes a date (`2020-05-01`).
    pub published: Option<String>,
    /// Its claims, in order.
    pub claims: Vec<ClaimSpec>,
}

/// Sources with claims, and a rules file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    /// The sources, in order.
    pub sources: Vec<SourceSpec>,
    /// The text of `rules.toml`, if any.
    pub rules: Option<String>,
}

impl Dataset {
    /// An empty dataset.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a source; the claims added next are its.
    #[must_use]
    pub fn source(mut self, id: &str, published: Option<&str>) -> Self {
        self.sources.push(SourceSpec {
            id: id.to_owned(),
            published: published.map(str::to_owned),
            claims: Vec::new(),
        });
        self
    }

    /// Adds a claim to the last source added (a source `s` is added first if there is none).
    #[must_use]
    pub fn claim(mut self, subject: &str, property: &str, value: &str) -> Self {
        if self.sources.is_empty() {
            self = self.source("s", None);
        }
        if let Some(source) = self.sources.last_mut() {
            source.claims.push(ClaimSpec {
                id: None,
                subject: subject.to_owned(),
                property: property.to_owned(),
                value: value.to_owned(),
                qualifiers: Vec::new(),
            });
        }
        self
    }

    /// Gives the last claim added an id.
    #[must_use]
    pub fn id(mut self, id: &str) -> Self {
        if let Some(claim) = self.last_claim() {
            claim.id = Some(id.to_owned());
        }
        self
    }

    /// Adds a qualifier to the last claim added.
    #[must_use]
    pub fn qualifier(mut self, key: &str, value: &str) -> Self {
        if let Some(claim) = self.last_claim() {
            claim.qualifiers.push((key.to_owned(), value.to_owned()));
        }
        self
    }

    /// Sets the text of `rules.toml`.
    #[must_use]
    pub fn rules(mut self, text: &str) -> Self {
        self.rules = Some(text.to_owned());
        self
    }

    fn last_claim(&mut self) -> Option<&mut ClaimSpec> {
        self.sources.last_mut().and_then(|s| s.claims.last_mut())
    }

    /// One TOML claims file per source, `claims/ID.toml`, and `rules.toml`.
    #[must_use]
    pub fn to_toml(&self) -> MemoryFs {
        let mut fs = self.with_rules(MemoryFs::new());
        for source in &self.sources {
            let mut text = format!(
                "[source]\nid = {}\ntitle = \"T\"\npublisher = \"P\"\n",
                quoted(&source.id)
            );
            if let Some(published) = &source.published {
                let _ = writeln!(text, "published = {published}");
            }
            for claim in &source.claims {
                text.push_str("\n[[claim]]\n");
                if let Some(id) = &claim.id {
                    let _ = writeln!(text, "id = {}", quoted(id));
                }
                let _ = writeln!(
                    text,
                    "subject = {}\nproperty = {}\nvalue = {}",
                    quoted(&claim.subject),
                    quoted(&claim.property),
                    quoted(&claim.value)
                );
                if !claim.qualifiers.is_empty() {
                    let pairs: Vec<String> = claim
                        .qualifiers
                        .iter()
                        .map(|(k, v)| format!("{} = {}", quoted(k), quoted(v)))
                        .collect();
                    let _ = writeln!(text, "qualifiers = {{ {} }}", pairs.join(", "));
                }
            }
            fs = fs.with(format!("claims/{}.toml", source.id), text);
        }
        fs
    }

    /// Every claim in one long CSV table, `claims/claims.csv` (a `qualifier.KEY` column per
    /// qualifier key used; sources in the order of their TOML files' paths), the sources in
    /// `sources.toml`, and `rules.toml`.
    #[must_use]
    pub fn to_csv(&self) -> MemoryFs {
        let mut keys: Vec<&str> = self
            .sources
            .iter()
            .flat_map(|s| &s.claims)
            .flat_map(|c| c.qualifiers.iter().map(|(k, _)| k.as_str()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut table = String::from("source,id,subject,property,value");
        for key in &keys {
            let _ = write!(table, ",{}", cell(&format!("qualifier.{key}")));
        }
        table.push('\n');
        let mut sources = String::new();
        // In the order the TOML files are read (by path), so that ties broken by position
        // (the primary location) fall the same way.
        let mut ordered: Vec<&SourceSpec> = self.sources.iter().collect();
        ordered.sort_by(|a, b| a.id.cmp(&b.id));
        for source in ordered {
            let _ = writeln!(
                sources,
                "[[source]]\nid = {}\ntitle = \"T\"\npublisher = \"P\"",
                quoted(&source.id)
            );
            if let Some(published) = &source.published {
                let _ = writeln!(sources, "published = {published}");
            }
            for claim in &source.claims {
                let cells = [
                    &source.id,
                    claim.id.as_deref().unwrap_or_default(),
                    &claim.subject,
                    &claim.property,
                    &claim.value,
                ];
                let mut row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
                for key in &keys {
                    let value = claim.qualifiers.iter().find(|(k, _)| k == key);
                    row.push(cell(value.map_or("", |(_, v)| v)));
                }
                let _ = writeln!(table, "{}", row.join(","));
            }
        }
        self.with_rules(MemoryFs::new())
            .with("claims/claims.csv", table)
            .with("sources.toml", sources)
    }

    fn with_rules(&self, fs: MemoryFs) -> MemoryFs {
        match &self.rules {
            Some(rules) => fs.with("rules.toml", rules.as_str()),
            None => fs,
        }
    }
}

/// Checks a dataset written by [`Dataset::to_toml`] or [`Dataset::to_csv`], as `factcheck
/// check` would with its defaults.
pub fn check_fs(fs: &MemoryFs) -> Checked {
    let request = Request {
        claims_dir: "claims".into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
        access: Access::default(),
    };
    crate::check_in(fs, &request, &Policy::default(), &mut |_| {})
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A CSV cell, always quoted (RFC 4180), so any text round-trips.
fn cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Dataset, check_fs};
    use crate::Checked;

    /// Every finding as `(code, message, fingerprint)`, sorted: what a format must not change.
    fn findings(checked: &Checked) -> Vec<(String, String, String)> {
        let mut all: Vec<_> = checked
            .findings
            .iter()
            .map(|f| (f.code.to_string(), f.message.clone(), f.fingerprint()))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn one_dataset_written_both_ways_reads_the_same() {
        let dataset = Dataset::new()
            .rules("[[property]]\nname = \"staff\"\ntype = \"number\"\n")
            .source("herald", Some("2020-05-01"))
            .claim("Harbour Bridge", "opened", "19 March 1932")
            .id("opened")
            .claim("Harbour Bridge", "length", "1,149 m")
            .id("length")
            .qualifier("survey", "1931")
            .source("gazette", Some("2021-01-10"))
            .claim("Harbour Bridge", "opened", "1934")
            .id("opened")
            .claim("Harbour Bridge", "length", "about 1.1 km")
            .id("length")
            .qualifier("survey", "1931")
            .claim("Harbour Brdige", "staff", "last year")
            .id("staff");
        let from_toml = check_fs(&dataset.to_toml());
        let from_csv = check_fs(&dataset.to_csv());
        let expected = findings(&from_toml);
        assert!(
            expected
                .iter()
                .any(|(code, ..)| code == "factcheck::conflict::date"),
            "{expected:#?}"
        );
        assert!(
            expected
                .iter()
                .any(|(code, ..)| code == "factcheck::load::number"),
            "{expected:#?}"
        );
        assert_eq!(findings(&from_csv), expected);
        assert_eq!(
            from_csv.dataset.claims.len(),
            from_toml.dataset.claims.len()
        );
    }

    /// A word from a small vocabulary, so that subjects, properties and values collide.
    fn word(words: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::sample::select(words).prop_map(str::to_owned)
    }

    fn claim() -> impl Strategy<Value = (String, String, String, Option<String>)> {
        (
            word(&["Harbour Bridge", "Harbor Bridge", "Old Mill", "Mill, The"]),
            word(&["opened", "length", "architect"]),
            word(&[
                "1932",
                "19 March 1932",
                "early 1930s",
                "1,149 m",
                "1.1 km",
                "about 1,000 ft",
                "J. J. C. Bradfield",
                "Bradfield",
                "\"quoted\", with a comma",
                "last year",
                "line\nbreak",
            ]),
            prop::option::of(word(&["1931", "1932"])),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any dataset, its claims with ids or without, gives the same findings, messages
        /// and fingerprints from TOML files as from one CSV table and a sources table.
        #[test]
        fn toml_and_csv_give_the_same_findings(
            sources in prop::collection::vec(
                (prop::option::of(word(&["2020-05-01", "2013-02-12"])),
                 prop::collection::vec(claim(), 1..6),
                 any::<bool>()),
                1..5,
            )
        ) {
            let mut dataset = Dataset::new();
            for (index, (published, claims, with_ids)) in sources.iter().enumerate() {
                dataset = dataset.source(&format!("s{index}"), published.as_deref());
                for (n, (subject, property, value, survey)) in claims.iter().enumerate() {
                    dataset = dataset.claim(subject, property, value);
                    if *with_ids {
                        dataset = dataset.id(&format!("c{n}"));
                    }
                    if let Some(survey) = survey {
                        dataset = dataset.qualifier("survey", survey);
                    }
                }
            }
            let from_toml = check_fs(&dataset.to_toml());
            let from_csv = check_fs(&dataset.to_csv());
            prop_assert_eq!(findings(&from_csv), findings(&from_toml));
            prop_assert_eq!(from_csv.dataset.claims.len(), from_toml.dataset.claims.len());
        }
    }
}
