//! Names: which spellings name the same thing (DESIGN 2.1), in one home (ARCHITECTURE P8).
//!
//! The concept's parts: [`abbreviation`] (abbreviations folded into their expansion),
//! [`acronym`] (the initials rule, definitions in a text), [`person`] (titles, "Surname, Given",
//! initials), [`fuzzy`] (graded fuzzy matching and its index), [`evidence`] (when a fuzzy match
//! is a variant), [`definitions`] and [`variants`] (the `name::acronym` and `name::variant`
//! findings, built from the claims). Word folding itself is [`crate::text::fold`], shared with
//! quotes and units.
//!
//! This module owns the decision of which spellings name the same thing, in one namespace
//! (names, or properties). In order of confidence:
//! 1. the same key after folding and expanding abbreviations ("Japan–NATO relations" =
//!    "japan-nato relations", "Mt. Fuji" = "Mount Fuji"), or a declared alias;
//! 2. acronym and expansion: a definition found in the dataset's own text, or an acronym
//!    whose letters are the initials of exactly one long name in the namespace; and one person
//!    written with a title, surname first or with initials;
//! 3. a fuzzy match ([`fuzzy`], or a misspelt given name) with [`evidence`]: the weaker name is
//!    attached to the better supported one as a *variant*, which the caller reports.
//!
//! The canonical spelling of an entity is the declared one, else the most frequent (a plain
//! spelling before one that carries its own definition or a title). Two declared entities are
//! never merged, a variant never has variants of its own (no chains A~B~C), and ties are
//! broken by first appearance, so the result is deterministic. [`resolve`] knows no claims:
//! the claims' uses come in as [`Use`]s.

use rustc_hash::FxHashMap;

use crate::files::Span;
use crate::findings::Finding;
use crate::model::{EntityId, Namespace, SpellingId};
use crate::names::fuzzy::{Level, Match};

/// Fuzzy matching settings (`[names]` in `rules.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSettings {
    /// Levels that make a name a variant.
    pub levels: Vec<Level>,
    /// Names shorter than this are never matched fuzzily.
    pub min_length: usize,
    /// Abbreviations folded into their expansion: the built-in table and `[names]
    /// abbreviations`.
    pub abbreviations: Abbreviations,
}

impl Default for NameSettings {
    fn default() -> Self {
        Self {
            levels: vec![Level::Close, Level::Similar, Level::Reordered],
            min_length: 4,
            abbreviations: Abbreviations::default(),
        }
    }
}

pub mod abbreviation;
pub mod acronym;
pub mod definitions;
pub mod evidence;
pub mod fuzzy;
mod interner;
pub mod person;
mod state;
pub mod titles;
pub(crate) mod union_find;
pub mod variants;

pub use self::abbreviation::Abbreviations;
pub use self::evidence::{Role, Use};
pub use self::interner::Interner;
use self::state::State;

/// An `[[entity]]` or `[[property]]` of `rules.toml`: names that are one thing.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// The canonical spelling and where it is declared.
    pub canonical: (SpellingId, Span),
    /// Other spellings and where they are declared.
    pub aliases: Vec<(SpellingId, Span)>,
    /// The whole declaration.
    pub span: Span,
}

/// A fuzzy variant: a group of spellings attached to a better supported entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The spellings that make up the variant.
    pub spellings: Vec<SpellingId>,
    /// The entity they were attached to.
    pub target: EntityId,
    /// The variant's spelling that matched.
    pub from: SpellingId,
    /// The target's spelling it matched.
    pub to: SpellingId,
    /// How closely.
    pub found: Match,
}

/// The outcome of resolving one namespace.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Spellings and entities.
    pub namespace: Namespace,
    /// The entity of each declaration, in declaration order.
    pub declared: Vec<EntityId>,
    /// Fuzzy variants, to report.
    pub variants: Vec<Variant>,
    /// Contradictions in the declarations.
    pub problems: Vec<Finding>,
    lookup: FxHashMap<String, EntityId>,
    abbreviations: Abbreviations,
}

impl Resolution {
    /// The entity a text names, if any spelling in the namespace folds to it.
    #[must_use]
    pub fn lookup(&self, text: &str) -> Option<EntityId> {
        self.lookup.get(&self.abbreviations.key(text)).copied()
    }

    /// Every distinct spelling, for "did you mean" suggestions.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        self.namespace.spellings.iter().map(|s| &*s.text)
    }
}

/// Resolves a namespace.
///
/// `links` are acronym definitions found in the dataset (acronym, expansion); with
/// `acronyms`, undefined acronyms are also matched against the initials of long names.
/// `uses` are the claims' uses of the spellings: the evidence a fuzzy match needs to become a
/// variant ([`evidence`]).
#[must_use]
pub fn resolve(
    interner: Interner,
    declarations: &[Declaration],
    links: &[(SpellingId, SpellingId)],
    acronyms: bool,
    settings: &NameSettings,
    uses: &[Use],
) -> Resolution {
    let mut state = State::new(interner, &settings.abbreviations);
    let problems = state.declare(declarations);
    for &(short, long) in links {
        state.join(state.key_of(short), state.key_of(long));
    }
    if acronyms {
        state.link_undefined_acronyms();
        state.link_people();
    }
    let attached = state.attach_variants(settings, uses);
    state.finish(
        declarations,
        &attached,
        problems,
        settings.abbreviations.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::FileId;
    use crate::findings::Code;

    fn span() -> Span {
        Span::new(FileId(0), 0..1)
    }

    /// Resolution with default settings and nothing declared.
    fn plain(names: Interner) -> Resolution {
        with_uses(names, &[])
    }

    /// Resolution with default settings, nothing declared, and these uses as evidence.
    fn with_uses(names: Interner, uses: &[Use]) -> Resolution {
        resolve(names, &[], &[], true, &NameSettings::default(), uses)
    }

    /// Resolution with default settings and these declarations.
    fn declared(names: Interner, declarations: &[Declaration]) -> Resolution {
        resolve(
            names,
            declarations,
            &[],
            true,
            &NameSettings::default(),
            &[],
        )
    }

    /// Evidence that spellings are one thing: each is, in its own source, the subject of
    /// property 0 with the same value.
    fn agreeing(spellings: &[SpellingId]) -> Vec<Use> {
        (0u32..)
            .zip(spellings)
            .map(|(source, &s)| Use::new(s, 100 + source, Role::Subject(0), "same value"))
            .collect()
    }

    fn entity(resolution: &Resolution, text: &str) -> String {
        let id = resolution.lookup(text).expect("known name");
        resolution.namespace.canonical(id).to_owned()
    }

    #[test]
    fn folding_merges_and_the_most_frequent_spelling_is_canonical() {
        let mut names = Interner::default();
        names.mention("Japan–NATO relations", 0);
        names.mention("Japan-NATO relations", 0);
        names.mention("Japan-NATO relations", 0);
        let r = plain(names);
        assert_eq!(r.namespace.entities.len(), 1);
        assert_eq!(entity(&r, "japan nato relations"), "Japan-NATO relations");
    }

    #[test]
    fn declared_aliases_and_canonical_win() {
        let mut names = Interner::default();
        names.mention("ITPP", 0);
        names.mention("personalized partnership program", 0);
        let canonical = names.declare("Individually Tailored Partnership Programme");
        let alias_1 = names.declare("ITPP");
        let alias_2 = names.declare("personalized partnership program");
        let declarations = [Declaration {
            canonical: (canonical, span()),
            aliases: vec![(alias_1, span()), (alias_2, span())],
            span: span(),
        }];
        let r = declared(names, &declarations);
        assert_eq!(r.namespace.entities.len(), 1);
        assert_eq!(
            entity(&r, "ITPP"),
            "Individually Tailored Partnership Programme"
        );
    }

    /// Resolves declarations written as (canonical, alias) pairs, with nothing mentioned.
    fn resolve_declared(pairs: &[(&str, &str)]) -> Resolution {
        let mut names = Interner::default();
        let declarations: Vec<Declaration> = pairs
            .iter()
            .map(|(canonical, alias)| Declaration {
                canonical: (names.declare(canonical), span()),
                aliases: vec![(names.declare(alias), span())],
                span: span(),
            })
            .collect();
        declared(names, &declarations)
    }

    #[test]
    fn a_name_declared_twice_is_a_rules_problem() {
        let r = resolve_declared(&[("A long name", "XYZW"), ("Another name", "XYZW")]);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].code, Code::LoadRules);
        assert_eq!(r.namespace.entities.len(), 2);
    }

    #[test]
    fn a_declaration_whose_name_is_taken_keeps_its_aliases_apart() {
        let r = resolve_declared(&[("Alpha Org", "Beta Org"), ("Beta Org", "Gamma Org")]);
        assert_eq!(r.problems.len(), 1);
        assert_ne!(r.lookup("Gamma Org"), r.lookup("Alpha Org"));
    }

    #[test]
    fn acronyms_link_through_definitions_and_through_initials() {
        let mut names = Interner::default();
        let short = names.mention("ITPP", 0);
        let long = names.declare("Individually Tailored Partnership Program");
        names.mention("IPCP", 0);
        names.mention("Individual Partnership and Cooperation Programme", 0);
        let r = resolve(
            names,
            &[],
            &[(short, long)],
            true,
            &NameSettings::default(),
            &[],
        );
        assert_eq!(
            r.lookup("ITPP"),
            r.lookup("Individually Tailored Partnership Program")
        );
        assert_eq!(
            r.lookup("IPCP"),
            r.lookup("individual partnership and cooperation program")
        );
        assert_ne!(r.lookup("ITPP"), r.lookup("IPCP"));
    }

    #[test]
    fn an_acronym_with_an_expansion_does_not_swallow_look_alike_names() {
        let mut names = Interner::default();
        let canonical = names.declare("Regional Cooperation Programme");
        let alias = names.declare("RCP");
        names.mention("Regional Cooperation Programme", 0);
        names.mention("Regional Cooperaton Programme", 0);
        let declarations = [Declaration {
            canonical: (canonical, span()),
            aliases: vec![(alias, span())],
            span: span(),
        }];
        let r = declared(names, &declarations);
        assert_eq!(
            r.variants.len(),
            1,
            "the misspelling is a variant, not an acronym match"
        );
        assert_eq!(
            r.namespace.text(r.variants[0].from),
            "Regional Cooperaton Programme"
        );
    }

    #[test]
    fn similar_acronyms_of_different_expansions_stay_apart() {
        let mut names = Interner::default();
        names.mention("SSBT", 0);
        names.mention("Shoubou Stai Bai Treaty", 0);
        names.mention("GSBT", 0);
        names.mention("Gotaru Shounovais Bouvurn Treaty", 0);
        let r = plain(names);
        assert!(r.variants.is_empty(), "{:?}", r.variants);
        assert_eq!(r.namespace.entities.len(), 2);
        assert_eq!(r.lookup("SSBT"), r.lookup("Shoubou Stai Bai Treaty"));
    }

    #[test]
    fn a_misspelt_acronym_becomes_a_variant_of_the_real_one() {
        let mut names = Interner::default();
        let real = names.mention("ITPP", 0);
        names.mention("ITPP", 0);
        let slip = names.mention("ITTP", 0);
        let r = with_uses(names, &agreeing(&[real, slip]));
        assert_eq!(r.namespace.entities.len(), 1);
        assert_eq!(r.variants.len(), 1);
        let variant = &r.variants[0];
        assert_eq!(r.namespace.text(variant.from), "ITTP");
        assert_eq!(r.namespace.text(variant.to), "ITPP");
        assert_eq!(variant.found.level, Level::Close);
    }

    #[test]
    fn variants_do_not_chain_and_declared_entities_do_not_merge() {
        let mut names = Interner::default();
        for _ in 0..3 {
            names.mention("abcdefgh", 0);
        }
        let uses = agreeing(&[
            names.mention("abcdefgh", 0),
            names.mention("abcdefgx", 0),
            names.mention("abcdefxx", 0),
        ]);
        let r = with_uses(names, &uses);
        // abcdefgx attaches to abcdefgh; abcdefxx could only reach it through abcdefgx.
        assert_eq!(r.variants.len(), 1);
        assert_eq!(r.namespace.entities.len(), 2);

        let mut names = Interner::default();
        let a = names.declare("Shigeru Ishiba");
        let b = names.declare("Shigeru Ishida");
        let declarations = [
            Declaration {
                canonical: (a, span()),
                aliases: vec![],
                span: span(),
            },
            Declaration {
                canonical: (b, span()),
                aliases: vec![],
                span: span(),
            },
        ];
        let r = declared(names, &declarations);
        assert!(r.variants.is_empty());
        assert_eq!(r.namespace.entities.len(), 2);
    }

    #[test]
    fn short_words_a_letter_apart_are_variants_only_as_acronyms() {
        let mut names = Interner::default();
        names.mention("Iraq", 0);
        names.mention("Iraq", 1);
        names.mention("Iran", 2);
        let r = plain(names);
        assert!(r.variants.is_empty());
        assert_eq!(r.namespace.entities.len(), 2);

        let mut names = Interner::default();
        let uses = [
            agreeing(&[names.mention("ITPP", 0), names.mention("ITTP", 2)]),
            agreeing(&[names.mention("Irnaq", 2), names.mention("Iranq", 3)]),
        ]
        .concat();
        names.mention("ITPP", 1);
        let r = with_uses(names, &uses);
        assert_eq!(r.variants.len(), 2, "an acronym slip and a swap are typos");
    }

    #[test]
    fn a_spelling_several_sources_use_is_not_a_variant() {
        let mut names = Interner::default();
        for source in 0..3 {
            names.mention("Ireland", source);
        }
        names.mention("Iceland", 3);
        names.mention("Iceland", 4);
        let r = plain(names);
        assert!(r.variants.is_empty());

        let mut names = Interner::default();
        for source in 0..3 {
            names.mention("Netherlands", source);
        }
        names.mention("Nehterlands", 3);
        let r = plain(names);
        assert_eq!(
            r.variants.len(),
            1,
            "a one-source spelling three times rarer than a long name is a likely typo"
        );
    }

    #[test]
    fn only_enabled_levels_make_variants() {
        let mut names = Interner::default();
        names.mention("Japan NATO relations", 0);
        names.mention("NATO Japan relations", 0);
        let settings = NameSettings {
            levels: vec![Level::Close],
            ..NameSettings::default()
        };
        let r = resolve(names, &[], &[], true, &settings, &[]);
        assert!(r.variants.is_empty());
        assert_eq!(r.namespace.entities.len(), 2);
    }

    #[test]
    fn each_spelling_says_how_it_joined_its_entity() {
        use crate::model::Link;
        let mut names = Interner::default();
        for text in ["ITPP", "ITPP", "itpp", "ITTP", "IPCP"] {
            names.mention(text, 0);
        }
        let short = names.mention("NCCDCOE", 0);
        let long = names.mention("NATO Cooperative Cyber Defence Centre Of Excellence", 0);
        names.mention("NATO Cooperative Cyber Defence Centre Of Excellence", 1);
        names.mention("Individual Partnership and Cooperation Programme", 0);
        names.mention("Individual Partnership and Cooperation Programme", 1);
        let canonical = names.declare("Individually Tailored Partnership Programme");
        let alias = names.declare("ITPP");
        let declarations = [Declaration {
            canonical: (canonical, span()),
            aliases: vec![(alias, span())],
            span: span(),
        }];
        let r = resolve(
            names,
            &declarations,
            &[(short, long)],
            true,
            &NameSettings::default(),
            &[],
        );
        let link = |text: &str| {
            r.namespace
                .spellings
                .iter()
                .find(|s| &*s.text == text)
                .map(|s| s.link)
        };
        assert_eq!(
            link("Individually Tailored Partnership Programme"),
            Some(Link::Canonical)
        );
        assert_eq!(link("ITPP"), Some(Link::Alias));
        assert_eq!(link("itpp"), Some(Link::Alias), "folds to the alias");
        assert_eq!(link("ITTP"), Some(Link::Variant));
        assert_eq!(link("NCCDCOE"), Some(Link::Acronym));
        assert_eq!(
            link("NATO Cooperative Cyber Defence Centre Of Excellence"),
            Some(Link::Canonical)
        );
        assert_eq!(link("IPCP"), Some(Link::Acronym), "matched by initials");
    }
}
