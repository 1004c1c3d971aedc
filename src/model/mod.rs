//! Validated domain types: what every stage after `normalize` works on.
//!
//! No serde attributes and no miette here: these types are always valid by construction (every
//! reference resolves, every value has been parsed for its property's type) and know nothing
//! of file formats or rendering. Every user-written value keeps its [`Span`].

pub mod date;
pub mod quantity;
pub mod review;
pub mod time;

use std::fmt;

use crate::files::{Files, Span};
use crate::findings::Severity;

use self::date::DateValue;
use self::quantity::{Quantity, Tolerance};
use self::time::{DateTimeValue, Zone};

/// Index of a source in [`Dataset::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceIx(pub u32);

/// Index of a spelling in a [`Namespace`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpellingId(pub u32);

/// Index of an entity (a resolved name) in a [`Namespace`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// Index of a qualifier key in [`Dataset::qualifier_keys`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub u32);

/// A whole dataset, normalized.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Every file read, for spans.
    pub files: Files,
    /// Every source: those declared (by a claims file or the sources table), then those only
    /// table rows name.
    pub sources: Vec<Source>,
    /// Every valid claim, in file order.
    pub claims: Vec<Claim>,
    /// Subjects, values of type name, and qualifier values.
    pub names: Namespace,
    /// Property names.
    pub properties: Namespace,
    /// How each property (by its entity in [`Dataset::properties`]) is compared.
    pub property_rules: Vec<PropertyRules>,
    /// Qualifier keys, folded.
    pub qualifier_keys: Vec<String>,
    /// Ordering constraints.
    pub orders: Vec<OrderRule>,
    /// Reviews of findings, from `rules.toml` and the reviews file.
    pub reviews: Vec<review::Review>,
    /// Severity settings of `rules.toml`.
    pub severities: Vec<review::SeverityRule>,
    /// When two sources look dependent (`[copies]` of `rules.toml`).
    pub copies: CopySettings,
}

impl Dataset {
    /// The source of a claim.
    #[must_use]
    pub fn source_of(&self, claim: &Claim) -> &Source {
        &self.sources[claim.source.0 as usize]
    }
}

/// One source: a claims file's `[source]`, an entry of the sources table, or an id rows name.
#[derive(Debug, Clone)]
pub struct Source {
    /// The id claims are addressed by.
    pub id: String,
    /// Its declaration (the `[source]` header, the sources table's entry), the top of its
    /// claims file when that failed to load, or where rows first name it.
    pub span: Span,
    /// Where the id is written, when it is (else it is the file name).
    pub id_span: Option<Span>,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Author.
    pub author: Option<String>,
    /// Publication date, the anchor of relative dates.
    pub published: Option<DateValue>,
    /// Kind (news, official…).
    pub kind: Option<String>,
    /// Where it can be read.
    pub url: Option<String>,
    /// Sources this one copies or excerpts.
    pub derived_from: Vec<SourceIx>,
}

/// When two sources share enough to look dependent: the `[copies]` table of `rules.toml`.
///
/// A pair is dependent when its evidence (identical quotes, rare values in common) is at least
/// [`min_shared`](Self::min_shared) pieces and at least [`min_fraction`](Self::min_fraction)
/// of the claims of the smaller source: the count keeps a few coincidences in large sources
/// from flagging them, the fraction keeps two large sources that overlap a little apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopySettings {
    /// Pieces of evidence needed, at least 1.
    pub min_shared: u32,
    /// Fraction of the smaller source's claims the evidence must reach, in `0..=1`.
    pub min_fraction: f64,
}

impl Default for CopySettings {
    fn default() -> Self {
        Self {
            min_shared: 3,
            min_fraction: 0.2,
        }
    }
}

/// One claim: one thing a source says about one subject. `V` is its value as understood: a
/// [`Value`] once normalized, `()` while normalization drafts it (the value is then only
/// [`stated`](Self::stated)).
#[derive(Debug, Clone)]
pub struct Claim<V = Value> {
    /// Who says it.
    pub source: SourceIx,
    /// Its 1-based position among the file's `[[claim]]` tables, or its table row's number
    /// (counted from the first row after the header).
    pub position: u32,
    /// Its id, when it has one.
    pub id: Option<Box<str>>,
    /// Its stable identity (see `findings::ClaimRef::key`).
    pub key: Box<str>,
    /// The whole `[[claim]]` table, or the table row.
    pub span: Span,
    /// What it is about.
    pub subject: Mention,
    /// What is said about it.
    pub property: Mention,
    /// The value, as understood.
    pub value: V,
    /// The value as written.
    pub stated: Box<str>,
    /// Where the value is written.
    pub value_span: Span,
    /// Qualifiers, sorted by key.
    pub qualifiers: Vec<Qualifier>,
    /// The supporting quote, with its span.
    pub quote: Option<(Box<str>, Span)>,
    /// Whom the source attributes the claim to.
    pub cites: Option<Box<str>>,
}

impl<V> Claim<V> {
    /// The id, or the 1-based position when there is none.
    #[must_use]
    pub fn handle(&self) -> String {
        self.id
            .as_deref()
            .map_or_else(|| self.position.to_string(), str::to_owned)
    }

    /// The same claim with its value understood.
    pub fn with_value<W>(self, value: W) -> Claim<W> {
        Claim {
            source: self.source,
            position: self.position,
            id: self.id,
            key: self.key,
            span: self.span,
            subject: self.subject,
            property: self.property,
            value,
            stated: self.stated,
            value_span: self.value_span,
            qualifiers: self.qualifiers,
            quote: self.quote,
            cites: self.cites,
        }
    }
}

impl Claim {
    /// The value in a stable machine form, for identities: EDTF for dates, ISO 8601 for date-times, the range, unit
    /// and base for numbers, the text as written for names, the folded text for texts.
    #[must_use]
    pub fn value_key(&self) -> String {
        match &self.value {
            Value::Date(date) => date.edtf(),
            Value::DateTime(time) => time.iso(),
            Value::Number(quantity) => quantity.key(),
            Value::Name(_) => self.stated.to_string(),
            Value::Text(text) => text.to_string(),
        }
    }
}

/// A name as used at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The spelling used.
    pub spelling: SpellingId,
    /// Where.
    pub span: Span,
}

/// One qualifier of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Qualifier {
    /// The key.
    pub key: KeyId,
    /// The value, a name.
    pub value: Mention,
    /// The key's span.
    pub key_span: Span,
}

/// A claim's value, parsed for its property's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A date.
    Date(DateValue),
    /// A date-time or a time of day.
    DateTime(DateTimeValue),
    /// A number.
    Number(Quantity),
    /// A name, resolved through the names namespace.
    Name(SpellingId),
    /// Free text, folded.
    Text(Box<str>),
}

/// The types a property's values can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// Dates.
    Date,
    /// Date-times and times of day.
    DateTime,
    /// Numbers.
    Number,
    /// Names.
    Name,
    /// Free text.
    Text,
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueKind::Date => "date",
            ValueKind::DateTime => "datetime",
            ValueKind::Number => "number",
            ValueKind::Name => "name",
            ValueKind::Text => "text",
        })
    }
}

/// How the claims of one property are compared.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyRules {
    /// The value type, declared or inferred.
    pub kind: ValueKind,
    /// Whether a fact has several values.
    pub multi: bool,
    /// Qualifier keys that separate facts; `None`: every key does.
    pub separators: Option<Vec<KeyId>>,
    /// Severity of a conflict on this property, when `rules.toml` sets one.
    pub severity: Option<Severity>,
    /// Extra tolerance for numbers.
    pub tolerance: Option<Tolerance>,
    /// The zone of date-times stated without one (`zone` in rules.toml).
    pub zone: Option<Zone>,
}

impl PropertyRules {
    /// Whether a qualifier key separates facts of this property.
    #[must_use]
    pub fn separates(&self, key: KeyId) -> bool {
        self.separators
            .as_ref()
            .is_none_or(|keys| keys.contains(&key))
    }
}

/// An ordering constraint: every `before` fact is no later than the matching `after` fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRule {
    /// The earlier fact.
    pub before: FactPattern,
    /// The later fact.
    pub after: FactPattern,
    /// The `[[order]]` table in `rules.toml`.
    pub span: Span,
    /// Why it must hold.
    pub note: Option<String>,
}

/// A property, on one subject or on every subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactPattern {
    /// The subject; `None`: any subject (the constraint is checked per subject).
    pub subject: Option<EntityId>,
    /// The property, an entity of [`Dataset::properties`].
    pub property: EntityId,
}

/// Distinct spellings and the entities they resolve to.
#[derive(Debug, Clone, Default)]
pub struct Namespace {
    /// Every distinct spelling.
    pub spellings: Vec<Spelling>,
    /// Every entity.
    pub entities: Vec<Entity>,
}

impl Namespace {
    /// The entity a spelling resolves to.
    #[must_use]
    pub fn entity_of(&self, spelling: SpellingId) -> EntityId {
        self.spellings[spelling.0 as usize].entity
    }

    /// The text of a spelling.
    #[must_use]
    pub fn text(&self, spelling: SpellingId) -> &str {
        &self.spellings[spelling.0 as usize].text
    }

    /// The canonical name of an entity.
    #[must_use]
    pub fn canonical(&self, entity: EntityId) -> &str {
        &self.entities[entity.0 as usize].canonical
    }
}

/// A spelling of a name, as written somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    /// The text as written (the first time it was seen).
    pub text: Box<str>,
    /// What it resolves to.
    pub entity: EntityId,
    /// How it came to resolve to that entity.
    pub link: Link,
}

/// How a spelling came to name its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Link {
    /// It is the canonical spelling, or differs from it only in case, dashes, quotes or
    /// spacing.
    Canonical,
    /// It is an alias declared in `rules.toml`.
    Alias,
    /// It is an acronym of the canonical name, or the expansion of one (defined in the dataset
    /// or matched by initials).
    Acronym,
    /// It names the same person as the canonical name, with a title, in "Surname, Given"
    /// order, or with initials.
    Person,
    /// It fuzzily matches the canonical name: a variant spelling (`factcheck::name::variant`).
    Variant,
}

impl Link {
    /// The word used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Link::Canonical => "canonical",
            Link::Alias => "alias",
            Link::Acronym => "acronym",
            Link::Person => "same person",
            Link::Variant => "variant",
        }
    }
}

/// A resolved name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The spelling shown for it: declared in `rules.toml`, else the most frequent.
    pub canonical: Box<str>,
    /// Its `[[entity]]` or `[[property]]` declaration, when declared.
    pub declared: Option<Span>,
}
