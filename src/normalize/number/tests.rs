//! One test per accepted form, per currency rule and per error; laws by property tests.

#![expect(
    clippy::float_cmp,
    reason = "the parser promises exact values (55.3 billion is 55,300,000,000), so the tests compare exactly"
)]

use super::*;
use crate::model::quantity::{Currency, Dimension, Unit};
use proptest::prelude::*;

const INF: f64 = f64::INFINITY;

fn q(text: &str) -> Quantity {
    parse_number(text).unwrap_or_else(|e| panic!("`{text}` did not parse: {}", e.message))
}

/// Low, high and tolerance.
fn range(text: &str) -> (f64, f64, f64) {
    let q = q(text);
    (q.low, q.high, q.tolerance)
}

/// The value read, leaving out how its money was written (which only shows it).
fn value(text: &str) -> Quantity {
    Quantity {
        written_money: None,
        ..q(text)
    }
}

fn unit(text: &str) -> Unit {
    q(text).unit
}

fn error(text: &str) -> NumberError {
    match parse_number(text) {
        Ok(q) => panic!("`{text}` parsed as {}", q.describe()),
        Err(e) => e,
    }
}

fn code(code: &str) -> Unit {
    Unit::Currency(Currency::Code(code.to_owned()))
}

fn count(noun: &str) -> Unit {
    Unit::Count(noun.to_owned())
}

const DOLLAR: Unit = Unit::Currency(Currency::AmbiguousDollar);

// Numerals and number words.

#[test]
fn integers_and_decimals() {
    assert_eq!(range("55"), (55.0, 55.0, 0.5));
    assert_eq!(range("55.3"), (55.3, 55.3, 0.05));
    assert_eq!(unit("55"), Unit::None);
}

#[test]
fn thousands_separators() {
    assert_eq!(range("1,000"), (1000.0, 1000.0, 0.5));
    assert_eq!(range("300,000"), (300_000.0, 300_000.0, 0.5));
    assert_eq!(range("1,000,000.5").0, 1_000_000.5);
}

#[test]
fn negative_numbers() {
    assert_eq!(range("-3"), (-3.0, -3.0, 0.5));
    assert_eq!(range("−3.5").0, -3.5);
}

#[test]
fn number_words() {
    assert_eq!(range("one").0, 1.0);
    assert_eq!(range("twelve").0, 12.0);
    assert_eq!(range("twenty").0, 20.0);
    assert_eq!(range("ninety").0, 90.0);
    assert_eq!(range("twenty-five").0, 25.0);
    assert_eq!(range("twenty five").0, 25.0);
    assert_eq!(range("Thirty-Three soldiers").0, 33.0);
}

#[test]
fn hundred_dozen_and_couple() {
    assert_eq!(range("hundred"), (100.0, 100.0, 50.0));
    assert_eq!(range("a hundred"), (100.0, 100.0, 50.0));
    assert_eq!(range("two hundred").0, 200.0);
    assert_eq!(range("a dozen"), (12.0, 12.0, 6.0));
    assert_eq!(range("two dozen").0, 24.0);
    assert_eq!(range("a couple"), (2.0, 2.0, 0.5));
    assert_eq!(q("a couple of tents").unit, count("tent"));
    assert_eq!(range("twenty-five thousand"), (25_000.0, 25_000.0, 500.0));
}

// Magnitudes.

#[test]
fn magnitude_words() {
    assert_eq!(range("5 thousand"), (5e3, 5e3, 0.5e3));
    assert_eq!(range("5 million"), (5e6, 5e6, 0.5e6));
    assert_eq!(range("55 billion"), (55e9, 55e9, 0.5e9));
    assert_eq!(range("55.3 billion"), (55.3e9, 55.3e9, 0.05e9));
    assert_eq!(range("1.2 trillion").0, 1.2e12);
    assert_eq!(range("a hundred thousand").0, 1e5);
}

#[test]
fn magnitude_abbreviations_with_and_without_space() {
    assert_eq!(range("5k").0, 5e3);
    assert_eq!(range("$5m").0, 5e6);
    assert_eq!(range("$5 mn").0, 5e6);
    assert_eq!(range("5mln people").0, 5e6);
    assert_eq!(range("5bn").0, 5e9);
    assert_eq!(range("5 bn").0, 5e9);
    assert_eq!(range("5b").0, 5e9);
    assert_eq!(range("2tn").0, 2e12);
    assert_eq!(range("2 trn").0, 2e12);
}

#[test]
fn scaled_decimals_are_exact() {
    assert_eq!(range("55.3 billion").0, range("55,300,000,000").0);
    assert_eq!(range("0.1 million").0, 100_000.0);
    assert_eq!(q("$1.7bn").low, 1_700_000_000.0);
}

// Currencies.

#[test]
fn a_bare_dollar_sign_stays_ambiguous() {
    assert_eq!(unit("$55 billion"), DOLLAR);
    assert_eq!(unit("$ 55 billion"), DOLLAR);
    assert_eq!(unit("55 billion dollars"), DOLLAR);
}

#[test]
fn us_dollars() {
    for text in [
        "US$5 billion",
        "US $5 billion",
        "USD 5 billion",
        "5 billion USD",
        "5 billion U.S. dollars",
        "5 billion US dollars",
    ] {
        assert_eq!(unit(text), code("USD"), "{text}");
        assert_eq!(range(text).0, 5e9, "{text}");
    }
}

#[test]
fn a_specific_currency_settles_an_ambiguous_sign() {
    assert_eq!(unit("$5 billion USD"), code("USD"));
    assert_eq!(unit("¥5 billion yen"), code("JPY"));
}

#[test]
fn euros() {
    assert_eq!(unit("€5bn"), code("EUR"));
    assert_eq!(unit("EUR 5 billion"), code("EUR"));
    assert_eq!(unit("5 billion euros"), code("EUR"));
    assert_eq!(unit("5 €"), code("EUR"));
}

#[test]
fn pounds_are_sterling() {
    assert_eq!(unit("£3m"), code("GBP"));
    assert_eq!(unit("GBP 3 million"), code("GBP"));
    assert_eq!(unit("3 million pounds"), code("GBP"));
    assert_eq!(unit("3 million pounds sterling"), code("GBP"));
}

#[test]
fn yen_and_yuan() {
    assert_eq!(unit("¥500 billion"), Unit::Currency(Currency::AmbiguousYen));
    assert_eq!(unit("500 billion yen"), code("JPY"));
    assert_eq!(unit("JPY 500 billion"), code("JPY"));
    assert_eq!(unit("5 billion yuan"), code("CNY"));
    assert_eq!(unit("5 billion renminbi"), code("CNY"));
    assert_eq!(unit("RMB 5 billion"), code("CNY"));
    assert_eq!(unit("CNY 5 billion"), code("CNY"));
}

#[test]
fn australian_and_canadian_dollars() {
    assert_eq!(unit("A$5bn"), code("AUD"));
    assert_eq!(unit("AUD 5 billion"), code("AUD"));
    assert_eq!(unit("5 billion Australian dollars"), code("AUD"));
    assert_eq!(unit("C$5bn"), code("CAD"));
    assert_eq!(unit("CAD 5 billion"), code("CAD"));
    // "a $5 billion" is an article and a dollar sign.
    assert_eq!(unit("a $5 billion"), DOLLAR);
}

#[test]
fn two_different_currencies_are_an_error() {
    assert!(
        error("€5 billion USD")
            .message
            .contains("two different units")
    );
    assert!(error("$5 to €6").message.contains("two different units"));
}

// Percentages.

#[test]
fn percent_forms() {
    for text in [
        "2%",
        "2 %",
        "2 percent",
        "2 per cent",
        "2 Per Cent",
        "2 pct",
    ] {
        assert_eq!(unit(text), Unit::Percent, "{text}");
        assert_eq!(range(text), (2.0, 2.0, 0.5), "{text}");
    }
    assert_eq!(range("2.4%"), (2.4, 2.4, 0.05));
}

#[test]
fn percentage_bases_lose_determiners_and_possessors() {
    assert_eq!(q("2% of GDP").base.as_deref(), Some("gdp"));
    assert_eq!(q("2% of its GDP").base.as_deref(), Some("gdp"));
    assert_eq!(q("2% of Japan's GDP").base.as_deref(), Some("gdp"));
    assert_eq!(q("2% of the budget").base.as_deref(), Some("budget"));
    let their = q("3 to 5 percent of their GDP");
    assert_eq!((their.low, their.high), (3.0, 5.0));
    assert_eq!(their.base.as_deref(), Some("gdp"));
    assert_eq!(q("2%").base, None);
    assert_eq!(q("2% of 2019 GDP").base.as_deref(), Some("2019 gdp"));
    let more = q("2% of GDP or more");
    assert_eq!((more.base.as_deref(), more.high), (Some("gdp"), INF));
}

#[test]
fn acronyms_are_not_expanded_here() {
    assert_eq!(
        q("2% of gross domestic product").base.as_deref(),
        Some("gross domestic product")
    );
    assert_ne!(q("2% of GDP").base, q("2% of gross domestic product").base);
}

// Ranges.

#[test]
fn ranges_with_to_and_dashes() {
    assert_eq!(range("3 to 5 percent"), (3.0, 5.0, 0.5));
    assert_eq!(unit("3 to 5 percent"), Unit::Percent);
    assert_eq!(range("3-5%"), (3.0, 5.0, 0.5));
    assert_eq!(range("3–5%"), (3.0, 5.0, 0.5));
    assert_eq!(range("3 — 5 %"), (3.0, 5.0, 0.5));
    assert_eq!(range("2.5 to 3%"), (2.5, 3.0, 0.5));
}

#[test]
fn between_and_from() {
    assert_eq!(range("between 3 and 5 percent"), (3.0, 5.0, 0.5));
    assert_eq!(range("from 3 to 5"), (3.0, 5.0, 0.5));
    assert_eq!(unit("from 3 to 5"), Unit::None);
}

#[test]
fn unit_and_magnitude_written_once_apply_to_both_ends() {
    assert_eq!(range("$5-6 billion"), (5e9, 6e9, 0.5e9));
    assert_eq!(unit("$5-6 billion"), DOLLAR);
    assert_eq!(range("5 to 6 billion dollars"), (5e9, 6e9, 0.5e9));
    assert_eq!(unit("5 to 6 billion dollars"), DOLLAR);
    assert_eq!(range("$5 billion to $6 billion"), (5e9, 6e9, 0.5e9));
    assert_eq!(range("3 to 5 km").0, 3_000.0);
}

#[test]
fn a_magnitude_is_not_shared_when_that_would_reverse_the_range() {
    assert_eq!(range("500,000 to 1 million"), (5e5, 1e6, 0.5e6));
}

#[test]
fn two_or_three() {
    assert_eq!(range("two or three soldiers"), (2.0, 3.0, 0.5));
}

#[test]
fn a_reversed_range_is_an_error() {
    let e = error("5 to 3 percent");
    assert!(e.message.contains("backwards"), "{}", e.message);
    assert!(e.hint.is_some());
}

// Bounds.

#[test]
fn lower_bounds() {
    for text in [
        "more than 300",
        "over 300",
        "above 300",
        "at least 300",
        "300 or more",
        "300+",
    ] {
        assert_eq!(range(text), (300.0, INF, 0.0), "{text}");
    }
    assert_eq!(range("more than 300 soldiers"), (300.0, INF, 0.0));
    assert_eq!(range("300-plus soldiers"), (300.0, INF, 0.0));
    assert_eq!(range("300 soldiers or more"), (300.0, INF, 0.0));
    assert_eq!(unit("300 soldiers or more"), count("soldier"));
}

#[test]
fn upper_bounds_start_at_zero_for_counts_money_and_percentages() {
    for text in [
        "less than 300 soldiers",
        "fewer than 300 soldiers",
        "under 300 soldiers",
        "below 300 soldiers",
    ] {
        assert_eq!(range(text), (0.0, 300.0, 0.0), "{text}");
    }
    assert_eq!(range("less than $300"), (0.0, 300.0, 0.0));
    assert_eq!(range("under 2%"), (0.0, 2.0, 0.0));
}

#[test]
fn upper_bounds_of_bare_numbers_are_open_below() {
    assert_eq!(range("less than 300"), (-INF, 300.0, 0.0));
    assert_eq!(range("up to 300,000"), (-INF, 300_000.0, 0.0));
    assert_eq!(range("up to 300,000 troops"), (0.0, 300_000.0, 0.0));
}

#[test]
fn emphasis_changes_nothing() {
    assert_eq!(q("as much as $5 billion"), q("$5 billion"));
    assert_eq!(q("as many as 300 soldiers"), q("300 soldiers"));
}

#[test]
fn a_bound_on_a_range_is_an_error() {
    assert!(
        error("more than 3 to 5")
            .message
            .contains("`more than` takes a single number")
    );
    assert!(error("nearly hundreds").message.contains("`nearly`"));
}

// Approximations.

#[test]
fn approximation_words() {
    for text in [
        "about 300",
        "around 300",
        "approximately 300",
        "roughly 300",
        "some 300",
        "circa 300",
        "c. 300",
        "~300",
        "approx. 300",
        "an estimated 300",
        "300 or so",
    ] {
        let q = q(text);
        assert!(q.approximate, "{text}");
        assert_eq!((q.low, q.high, q.tolerance), (300.0, 300.0, 50.0), "{text}");
    }
}

#[test]
fn approximation_scales_with_how_the_number_is_written() {
    // "about" makes trailing zeros loose: half a unit of the last non-zero digit.
    assert_eq!(range("about 1,000 troops"), (1_000.0, 1_000.0, 500.0));
    assert_eq!(range("about 1,200 troops"), (1_200.0, 1_200.0, 50.0));
    assert_eq!(range("about 4,810 m"), (4_810.0, 4_810.0, 5.0));
    assert_eq!(range("about 4,800 m"), (4_800.0, 4_800.0, 50.0));
    assert_eq!(range("about 3"), (3.0, 3.0, 0.5));
    assert_eq!(range("about 2.5%"), (2.5, 2.5, 0.05));
    assert_eq!(range("about $55 billion").2, 0.5e9);
    assert_eq!(range("about $50 billion").2, 5e9);
    assert_eq!(range("about two hundred").2, 50.0);
    assert_eq!(range("about 3 to 5 percent"), (3.0, 5.0, 0.5));
    assert_eq!(range("about 300 to 450"), (300.0, 450.0, 50.0));
    // Without "about", trailing zeros are as precise as written.
    assert_eq!(range("1,000 troops").2, 0.5);
}

#[test]
fn nearly_and_almost() {
    for text in ["nearly 300", "almost 300", "just under 300"] {
        let q = q(text);
        assert!(q.approximate, "{text}");
        assert_eq!((q.low, q.high, q.tolerance), (270.0, 300.0, 0.0), "{text}");
    }
    let over = range("just over 300");
    assert_eq!((over.0, over.2), (300.0, 0.0));
    assert!((over.1 - 330.0).abs() < 1e-9);
}

// Vague quantities.

#[test]
fn vague_quantities() {
    for (text, low, high) in [
        ("a few", 2.0, 5.0),
        ("several", 3.0, 9.0),
        ("a handful", 2.0, 6.0),
        ("dozens", 24.0, 99.0),
        ("hundreds", 200.0, 999.0),
        ("thousands", 2_000.0, 9_999.0),
        ("tens of thousands", 20_000.0, 99_999.0),
        ("hundreds of thousands", 200_000.0, 999_999.0),
        ("millions", 2e6, 999e6),
    ] {
        let q = q(text);
        assert!(q.vague, "{text}");
        assert_eq!((q.low, q.high, q.tolerance), (low, high, 0.0), "{text}");
        assert_eq!(q.unit, Unit::None, "{text}");
    }
}

#[test]
fn vague_quantities_of_something() {
    assert_eq!(unit("hundreds of tents"), count("tent"));
    assert_eq!(unit("a few soldiers"), count("soldier"));
    assert_eq!(unit("a handful of boxes"), count("box"));
    assert_eq!(unit("tens of thousands of people"), count("person"));
    assert_eq!(range("tens of thousands of people").0, 20_000.0);
    assert_eq!(unit("millions of dollars"), DOLLAR);
    assert_eq!(unit("thousands of tonnes"), Unit::Measure(Dimension::Mass));
}

#[test]
fn vague_quantifiers_take_a_magnitude() {
    assert_eq!(range("several hundred"), (300.0, 900.0, 0.0));
    assert_eq!(range("a few thousand soldiers"), (2_000.0, 5_000.0, 0.0));
}

// Measures.

fn measure(text: &str) -> (Dimension, f64) {
    let q = q(text);
    match q.unit {
        Unit::Measure(dimension) => (dimension, q.low),
        other => panic!("`{text}` is {other:?}"),
    }
}

#[test]
fn lengths_in_metres() {
    use Dimension::Length;
    assert_eq!(measure("40 km"), (Length, 40_000.0));
    assert_eq!(measure("40 kilometres"), (Length, 40_000.0));
    assert_eq!(measure("40 kilometers"), (Length, 40_000.0));
    assert_eq!(measure("40 metres"), (Length, 40.0));
    assert_eq!(measure("40 meters"), (Length, 40.0));
    assert_eq!(measure("5 million m"), (Length, 5e6));
    assert_eq!(measure("10 mi"), (Length, 16_093.44));
    assert_eq!(measure("10 miles"), (Length, 16_093.44));
    assert_eq!(measure("10 nautical miles"), (Length, 18_520.0));
    assert_eq!(measure("100 ft").0, Length);
    assert_eq!(measure("100 feet").0, Length);
    assert_eq!(q("40 km").tolerance, 500.0);
}

#[test]
fn masses_in_kilograms() {
    use Dimension::Mass;
    assert_eq!(measure("5 kg"), (Mass, 5.0));
    assert_eq!(measure("5 kilograms"), (Mass, 5.0));
    assert_eq!(measure("5 t"), (Mass, 5_000.0));
    assert_eq!(measure("5 tonnes"), (Mass, 5_000.0));
    assert_eq!(measure("5 tons"), (Mass, 5_000.0));
    assert_eq!(measure("5 metric tons"), (Mass, 5_000.0));
    assert_eq!(measure("100 lb"), (Mass, 45.359_237));
}

#[test]
fn areas_in_square_metres() {
    use Dimension::Area;
    assert_eq!(measure("3 km²"), (Area, 3e6));
    assert_eq!(measure("3 sq km"), (Area, 3e6));
    assert_eq!(measure("3 sq. km"), (Area, 3e6));
    assert_eq!(measure("3 square kilometres"), (Area, 3e6));
    assert_eq!(measure("3 hectares"), (Area, 3e4));
    assert_eq!(measure("3 acres").0, Area);
}

#[test]
fn durations_in_days() {
    use Dimension::Duration;
    assert_eq!(measure("3 days"), (Duration, 3.0));
    assert_eq!(measure("3 weeks"), (Duration, 21.0));
    assert_eq!(measure("2 months"), (Duration, 60.88));
    assert_eq!(measure("2 years"), (Duration, 730.5));
}

// Counted nouns.

#[test]
fn counted_nouns_are_folded_and_singular() {
    assert_eq!(unit("300,000 soldiers"), count("soldier"));
    assert_eq!(unit("300 Batteries"), count("battery"));
    assert_eq!(unit("300 boxes"), count("box"));
    assert_eq!(unit("300 armoured vehicles"), count("armored vehicle"));
    assert_eq!(unit("1 tent"), count("tent"));
}

#[test]
fn counted_nouns_may_have_accents_and_combining_marks() {
    assert_eq!(unit("300 İstanbul residents"), count("istanbul resident"));
    assert_eq!(unit("300 Zürich bankers"), count("zurich banker"));
}

#[test]
fn a_word_glued_to_the_number_is_not_a_noun() {
    assert!(error("1e5").message.contains("`e5`"));
}

#[test]
fn nothing_after_the_number_is_no_unit() {
    assert_eq!(unit("300"), Unit::None);
    assert_eq!(unit("300 "), Unit::None);
}

// Tolerance from stated precision.

#[test]
fn tolerance_is_half_the_last_written_digit() {
    assert_eq!(range("55 billion").2, 0.5e9);
    assert_eq!(range("55.3 billion").2, 0.05e9);
    assert_eq!(range("2%").2, 0.5);
    assert_eq!(range("2.4%").2, 0.05);
    assert_eq!(range("300,000").2, 0.5);
    assert_eq!(range("300 thousand").2, 500.0);
}

#[test]
fn vague_and_bounded_values_have_no_tolerance() {
    assert_eq!(range("hundreds").2, 0.0);
    assert_eq!(range("more than 300").2, 0.0);
    assert_eq!(range("up to 5.5 billion dollars").2, 0.0);
}

// Case and whitespace.

#[test]
fn case_and_whitespace_do_not_matter() {
    assert_eq!(q("  About   $55   BILLION "), q("about $55 billion"));
    assert_eq!(q("Hundreds Of Tents"), q("hundreds of tents"));
    assert_eq!(q("55\u{a0}billion"), q("55 billion"));
}

// Errors.

#[test]
fn empty_text_is_an_error() {
    let e = error("   ");
    assert!(e.message.contains("empty"));
    assert!(e.hint.is_some());
}

#[test]
fn unknown_text_is_an_error_naming_it_with_accepted_forms() {
    let e = error("the Cold War");
    assert!(e.message.contains("`the Cold War`"), "{}", e.message);
    assert!(e.hint.as_deref().is_some_and(|h| h.contains("2% of GDP")));
    assert!(error("five and six").message.contains("`and`"));
    // The message quotes the text as written, not lower-cased.
    assert!(
        error("300 Soldiers, 50 Tanks")
            .message
            .contains("`Soldiers, 50 Tanks`")
    );
    assert!(error("%5").message.contains("`%`"));
}

#[test]
fn a_decimal_comma_is_an_error() {
    let e = error("3,5%");
    assert!(e.message.contains("`3,5`"), "{}", e.message);
    assert!(e.hint.as_deref().is_some_and(|h| h.contains("3.5")));
}

#[test]
fn a_bare_m_is_metres_unless_money_or_a_count_is_in_sight() {
    let metres = Unit::Measure(Dimension::Length);
    for text in [
        "8 m",
        "300 m",
        "12.5m",
        "5-6m",
        "12.5m tall",
        "3,000m above sea level",
    ] {
        assert_eq!(unit(text), metres, "{text}");
    }
    assert_eq!(range("12.5m"), (12.5, 12.5, 0.05));
    assert_eq!(range("5-6m"), (5.0, 6.0, 0.5));
    for text in ["$5m", "€2m", "5m dollars", "£3.5m", "$5-6m"] {
        assert!(matches!(unit(text), Unit::Currency(_)), "{text}");
        assert!(range(text).0 >= 2e6, "{text}");
    }
    assert_eq!(range("5m soldiers").0, 5e6);
    assert_eq!(unit("5m soldiers"), count("soldier"));
    // Both readings are kept for the property to decide.
    let reading = read_number("5m").unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(reading.readings.len(), 2);
    assert_eq!(reading.default, Some(0));
    assert!(
        reading
            .ambiguity
            .is_some_and(|a| a.message.contains("million or metres"))
    );
    assert_eq!(read_number("$5m").map(|r| r.readings.len()), Ok(1));
    // "of" names what is measured or counted: no default, the property decides.
    let funding = read_number("5m of funding").unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(funding.default, None);
    assert!(parse_number("5m of funding").is_err());
}

#[test]
fn words_after_money_measures_and_percentages_are_an_error() {
    let e = error("$5 billion in aid");
    assert!(e.message.contains("`in aid`"), "{}", e.message);
    assert!(error("2% growth").message.contains("`growth`"));
    assert!(error("40 km per hour").message.contains("`per hour`"));
    assert!(error("5 tonnes a year").message.contains("`a year`"));
}

#[test]
fn a_counted_noun_with_numbers_is_an_error() {
    assert!(
        error("300 soldiers and 50 tanks")
            .message
            .contains("what is counted")
    );
}

#[test]
fn a_percentage_of_nothing_is_an_error() {
    assert!(error("2% of").message.contains("nothing follows `of`"));
    assert!(
        error("2% of Japan's")
            .message
            .contains("nothing follows `of`")
    );
}

#[test]
fn numbers_with_too_many_digits_or_too_large_are_errors() {
    assert!(error(&"9".repeat(40)).message.contains("too many digits"));
    assert!(
        error(&format!("0.{}1", "0".repeat(40)))
            .message
            .contains("too many digits")
    );
    let huge = format!("5 {}", "trillion ".repeat(30));
    assert!(error(&huge).message.contains("too large"));
}

#[test]
fn two_qualifiers_that_disagree_are_an_error() {
    assert!(error("at least 300 or less").message.contains("disagree"));
    assert!(
        error("300 or more soldiers or less")
            .message
            .contains("disagree")
    );
}

#[test]
fn describe_shows_the_normalized_value() {
    assert_eq!(q("$55 billion").describe(), "$55 billion (±0.5 billion)");
    assert_eq!(
        q("USD 5 billion").describe(),
        "USD 5 billion (±0.5 billion)"
    );
    assert_eq!(q("2% of GDP").describe(), "2 % of gdp (±0.5)");
    assert_eq!(q("3-5% of GDP").describe(), "3–5 % of gdp (±0.5)");
    assert_eq!(q("hundreds of tents").describe(), "200–999 tent");
    assert_eq!(q("more than 300 soldiers").describe(), "≥ 300 soldier");
    assert_eq!(q("about 40 km").describe(), "about 40 km (±5)");
}

// Laws.

/// Phrases built from the parser's own vocabulary, so that most of them parse.
fn phrase() -> impl Strategy<Value = String> {
    let qualifier = prop::sample::select(vec![
        "",
        "about ",
        "more than ",
        "less than ",
        "nearly ",
        "up to ",
        "between ",
        "from ",
        "some ",
        "~",
        "at least ",
        "as many as ",
    ]);
    let prefix = prop::sample::select(vec!["", "", "$", "US$", "€", "USD ", "A$", "Rs ", "RM"]);
    let number = prop::sample::select(vec![
        "0",
        "1",
        "2.5",
        "55",
        "55.3",
        "300",
        "1,000",
        "300,000",
        "-3",
        "twenty-five",
        "a dozen",
        "a hundred",
        "several",
        "a few",
        "hundreds",
        "tens of thousands",
        "two",
        "two point two",
        "seven hundred twenty-one",
        "1 200",
        "half a",
        "minus 5",
    ]);
    let magnitude =
        prop::sample::select(vec!["", "", " thousand", " million", "bn", " billion", "k"]);
    let separator = prop::sample::select(vec!["", "", "", " to ", "-", " and ", " or "]);
    let suffix = prop::sample::select(vec![
        "",
        "",
        "%",
        " percent",
        " km",
        " dollars",
        " USD",
        " tents",
        " soldiers",
        " years",
        " of GDP",
        "% of its GDP",
        " or more",
        "+",
        " °C",
        "°F",
        " degrees",
        " degrees below zero",
        "m",
        " ft 2 in",
        " metres above sea level",
        " tonnes of cocaine",
        " lakh rupees",
        " feet (305 m)",
        " hours and a half",
        " dollars 43 cents",
    ]);
    (
        qualifier,
        prefix,
        number.clone(),
        magnitude.clone(),
        separator,
        number,
        magnitude,
        suffix,
    )
        .prop_map(|(q, p, n1, m1, s, n2, m2, x)| {
            if s.is_empty() {
                format!("{q}{p}{n1}{m1}{x}")
            } else {
                format!("{q}{p}{n1}{m1}{s}{n2}{m2}{x}")
            }
        })
}

proptest! {
    #[test]
    fn parsing_never_panics(text in any::<String>()) {
        let _ = parse_number(&text);
    }

    #[test]
    fn parsing_symbol_soup_never_panics(text in "[0-9a-z$€£¥%.,~+ \\-–'’²°()\u{a0}]{0,24}") {
        let _ = read_number(&text);
    }

    #[test]
    fn every_reading_is_ordered_and_the_default_is_what_parse_number_gives(text in phrase()) {
        if let Ok(reading) = read_number(&text) {
            for q in &reading.readings {
                prop_assert!(q.low <= q.high, "{text}: {q:?}");
                prop_assert!(q.tolerance >= 0.0 && q.tolerance.is_finite(), "{text}: {q:?}");
            }
            let default = reading.default.and_then(|i| reading.readings.get(i)).cloned();
            prop_assert_eq!(default, parse_number(&text).ok(), "{}", text);
        }
    }

    #[test]
    fn parsed_values_are_ordered_and_described(text in phrase()) {
        if let Ok(q) = parse_number(&text) {
            prop_assert!(q.low <= q.high, "{text}: {q:?}");
            prop_assert!(q.tolerance >= 0.0 && q.tolerance.is_finite(), "{text}: {q:?}");
            prop_assert!(!q.describe().is_empty());
        }
    }

    #[test]
    fn parsing_ignores_case(text in phrase()) {
        // Only the currency as written keeps the source's letters, to be shown so; and a
        // capital M after a numeral is a million, as SI has it.
        prop_assume!(!capital_m_after_numeral(&text.to_uppercase()));
        let read = |text: &str| {
            parse_number(text).ok().map(|mut q| {
                if let Some(money) = q.written_money.as_deref_mut() {
                    for affix in [&mut money.before, &mut money.after].into_iter().flatten() {
                        affix.text = affix.text.to_lowercase().into();
                    }
                }
                q
            })
        };
        prop_assert_eq!(read(&text), read(&text.to_uppercase()));
    }
}

// Issue 9: values as sources print them.

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn space_grouped_thousands_only_in_groups_of_three() {
    assert_eq!(range("1 200 m"), (1_200.0, 1_200.0, 0.5));
    assert_eq!(range("12 500 000"), (12_500_000.0, 12_500_000.0, 0.5));
    assert_eq!(range("1\u{a0}200").0, 1_200.0);
    assert_eq!(range("1\u{202f}200.5").0, 1_200.5);
    assert!(parse_number("1 20").is_err(), "a group of two digits");
    assert!(
        parse_number("1200 300").is_err(),
        "a first group of four digits"
    );
    assert!(parse_number("1 2000").is_err(), "a group of four digits");
}

#[test]
fn compound_imperial_measures_add_up() {
    let tall = q("6 ft 2 in");
    assert_eq!(tall.unit, Unit::Measure(Dimension::Length));
    assert!(close(tall.low, 6.0 * 0.3048 + 2.0 * 0.0254), "{}", tall.low);
    assert!(
        close(tall.tolerance, 0.0127),
        "to the inch: {}",
        tall.tolerance
    );
    assert!(close(q("5 feet 11 inches").low, 1.8034));
    assert!(close(q("1 hour 30 minutes").low, 1.5 / 24.0));
    assert!(close(
        q("one hour and fifteen seconds").low,
        (3_600.0 + 15.0) / 86_400.0
    ));
    assert!(close(
        q("3 lb 4 oz").low,
        3.0 * 0.453_592_37 + 4.0 * 0.028_349_523_125
    ));
    assert!(parse_number("2 in 6 ft").is_err(), "units must get smaller");
}

#[test]
fn descriptions_after_a_measure_do_not_change_it() {
    assert_eq!(
        range("3,000 metres above sea level"),
        (3_000.0, 3_000.0, 0.5)
    );
    assert_eq!(range("4,810 m a.s.l."), (4_810.0, 4_810.0, 0.5));
    assert_eq!(range("300 km long").0, 300_000.0);
    assert_eq!(range("5 tonnes in total").0, 5_000.0);
    assert_eq!(measure("12 years old").0, Dimension::Duration);
    let below = error("430 m below sea level");
    assert!(
        below.message.contains("below sea level"),
        "{}",
        below.message
    );
    assert!(error("300 km of").message.contains("nothing follows"));
}

#[test]
fn a_measure_of_something_keeps_what_it_is_of() {
    let cocaine = q("5 tonnes of cocaine");
    assert_eq!(
        (cocaine.low, cocaine.base.as_deref()),
        (5_000.0, Some("cocaine"))
    );
    let border = q("300 km of the border");
    assert_eq!(
        (border.low, border.base.as_deref()),
        (300_000.0, Some("border"))
    );
}

#[test]
fn metric_and_imperial_units_convert_with_or_without_a_space() {
    use Dimension::{Length, Mass, Volume};
    assert_eq!(measure("2cm"), (Length, 0.02));
    assert_eq!(measure("2 cm"), (Length, 0.02));
    assert_eq!(measure("15 mm"), (Length, 0.015));
    assert!(close(measure("3 inches").1, 0.0762));
    assert_eq!(measure("500g"), (Mass, 0.5));
    assert!(close(measure("8 oz").1, 0.226_796_185));
    assert_eq!(measure("2 litres"), (Volume, 2.0));
    assert_eq!(measure("2L"), (Volume, 2.0));
    assert_eq!(measure("250 ml"), (Volume, 0.25));
    assert!(close(measure("3 gallons").1, 11.356_235_352));
    assert!(close(measure("3 imperial gallons").1, 13.638_27));
    assert!(close(measure("100 square feet").1, 9.290_304));
    assert_eq!(measure("2 cubic metres"), (Volume, 2_000.0));
    assert!(close(measure("1 troy ounce").1, 0.031_103_476_8));
    assert!(close(measure("90 minutes").1, 90.0 / 1_440.0));
    assert_eq!(measure("2 decades").1, 7_305.0);
}

#[test]
fn temperatures_convert_affinely_and_their_precision_by_the_factor() {
    let t = |text: &str| {
        let q = q(text);
        assert_eq!(q.unit, Unit::Measure(Dimension::Temperature), "{text}");
        (q.low, q.tolerance)
    };
    assert_eq!(t("37°C"), (37.0, 0.5));
    assert_eq!(t("37 °C"), (37.0, 0.5));
    assert_eq!(t("37 degrees Celsius"), (37.0, 0.5));
    assert_eq!(t("37℃"), (37.0, 0.5));
    let (low, tolerance) = t("98.6°F");
    assert!(close(low, 37.0) && close(tolerance, 0.05 * 5.0 / 9.0));
    assert!(close(t("212 degrees Fahrenheit").0, 100.0));
    assert!(close(t("-40 °F").0, -40.0));
    assert!(close(t("0 kelvin").0, -273.15));
    assert_eq!(t("-5°C").0, -5.0);
    assert_eq!(t("minus 5 °C").0, -5.0);
    assert_eq!(t("2 °C below zero").0, -2.0);
    // A temperature may be below zero: "less than" does not stop there.
    assert_eq!(q("below 5 °C").low, f64::NEG_INFINITY);
    let bare = error("20 degrees");
    assert!(
        bare.message.contains("Celsius or Fahrenheit"),
        "{}",
        bare.message
    );
    assert!(
        error("2 degrees below zero")
            .message
            .contains("Celsius or Fahrenheit")
    );
}

#[test]
fn number_words_read_exactly() {
    assert_eq!(range("two point two million").0, 2_200_000.0);
    assert_eq!(range("two and a half million").0, 2_500_000.0);
    assert_eq!(range("seven hundred twenty-one thousand").0, 721_000.0);
    assert_eq!(range("minus 5").0, -5.0);
    assert_eq!(range("negative twelve").0, -12.0);
    assert_eq!((range("a dollar").0, unit("a dollar")), (1.0, DOLLAR));
    assert_eq!(measure("an hour"), (Dimension::Duration, 1.0 / 24.0));
    assert_eq!(measure("half an hour"), (Dimension::Duration, 0.5 / 24.0));
    assert_eq!(range("half a million").0, 500_000.0);
}

#[test]
fn indian_scales_and_more_currencies() {
    assert_eq!(range("5 lakh rupees").0, 500_000.0);
    assert_eq!(
        unit("5 lakh rupees"),
        Unit::Currency(Currency::AmbiguousRupee)
    );
    assert_eq!(range("Rs 3 crore").0, 30_000_000.0);
    assert_eq!(range("Rs. 3 crore").0, 30_000_000.0);
    assert_eq!(range("₹1.5 lakh crore").0, 1.5e12);
    assert_eq!(unit("₹1.5 lakh crore"), code("INR"));
    assert_eq!(unit("5 lakh Indian rupees"), code("INR"));
    assert_eq!((range("RM 12").0, unit("RM 12")), (12.0, code("MYR")));
    assert_eq!((range("USD3.25").0, unit("USD3.25")), (3.25, code("USD")));
    assert_eq!(
        (range("Rs500").0, unit("Rs500")),
        (500.0, Unit::Currency(Currency::AmbiguousRupee))
    );
    assert_eq!(unit("300 ringgit"), code("MYR"));
    assert_eq!(unit("Rs 5 INR"), code("INR"), "a code settles the rupee");
}

/// Prints how each line of the file in `FACTCHECK_PHRASES` reads, for measuring the parser
/// against a corpus by hand: `FACTCHECK_PHRASES=phrases.txt cargo test --lib
/// print_readings -- --ignored --nocapture`.
#[test]
#[ignore = "a manual measurement, run with a phrase file"]
fn print_readings() {
    let Ok(path) = std::env::var("FACTCHECK_PHRASES") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match read_number(line) {
            Ok(reading) => {
                let shown: Vec<String> = reading.readings.iter().map(Quantity::describe).collect();
                println!("OK   {line:40} => {}", shown.join(" | "));
            }
            Err(e) => println!("ERR  {line:40} => {}", e.message),
        }
    }
}

#[test]
fn money_with_its_hundredths() {
    for text in [
        "20 dollars 43 cents",
        "$20 and 43c",
        "twenty dollars and 43 cents",
    ] {
        let q = q(text);
        assert!(close(q.low, 20.43), "{text}: {}", q.low);
        assert_eq!(q.unit, DOLLAR, "{text}");
    }
    assert!(close(q("3 GBP 1 pence").low, 3.01));
    assert!(
        parse_number("$20 43").is_err(),
        "a bare second figure is not cents"
    );
}

#[test]
fn halves_and_quarters_of_a_unit() {
    assert!(close(measure("an hour and a half").1, 1.5 / 24.0));
    assert!(close(measure("a month and a half").1, 45.66));
    assert!(close(measure("5 and a half minutes").1, 5.5 / 1_440.0));
    assert_eq!(measure("half a day"), (Dimension::Duration, 0.5));
    assert_eq!(measure("half-litre"), (Dimension::Volume, 0.5));
    assert!(close(measure("a quarter of an hour").1, 0.25 / 24.0));
    assert!(parse_number("2.5 and a half").is_err());
}

#[test]
fn pounds_of_something_are_a_weight() {
    let meat = q("two pounds of meat");
    assert_eq!(meat.unit, Unit::Measure(Dimension::Mass));
    assert!(close(meat.low, 0.907_184_74));
    assert_eq!(meat.base.as_deref(), Some("meat"));
    assert_eq!(unit("two pounds"), code("GBP"));
}

#[test]
fn more_qualifiers_and_zero_words() {
    assert_eq!(range("exactly 42 bucks"), (42.0, 42.0, 0.5));
    assert_eq!(range("exceeding 2 litres").1, INF);
    assert_eq!(range("lower than 7€").1, 7.0);
    assert_eq!(range("higher than 7%").1, INF);
    assert_eq!(range("nought").0, 0.0);
    assert_eq!(range("Rs 5 cr").0, 5e7);
}

#[test]
fn no_silent_misreading_of_several_numbers_or_a_direction() {
    assert!(parse_number("5 soldiers twelve tanks").is_err());
    assert!(parse_number("2 below zero").is_err(), "below zero of what?");
    assert!(parse_number("300 one-way tickets").is_err());
    assert!(parse_number("5 km per hour").is_err());
    assert!(parse_number("$5 billion a year").is_err());
}

#[test]
fn temperature_differences_convert_by_the_factor_only() {
    let change = |text: &str| {
        let q = q(text);
        assert_eq!(
            q.unit,
            Unit::Measure(Dimension::TemperatureChange),
            "{text}"
        );
        q.low
    };
    assert_eq!(change("a rise of 2 °C"), 2.0);
    assert!(close(change("3.6 °F warmer"), 2.0));
    assert!(close(change("warming of 2.7 °F"), 1.5));
    assert_eq!(change("a drop of 3 °C"), -3.0);
    assert_eq!(change("3 °C cooler"), -3.0);
    assert_eq!(change("1.5 °C of warming"), 1.5);
    // A temperature is a point: 2.7 °F is below freezing, not 1.5 degrees.
    assert!(q("2.7 °F").low < -16.0);
    assert!(
        error("a rise of 5%")
            .message
            .contains("only for temperatures")
    );
}

#[test]
fn quarters_and_compounds_after_a_bare_m() {
    assert!(close(measure("one and a quarter hour").1, 1.25 / 24.0));
    assert!(close(
        measure("one and three quarters hours").1,
        1.75 / 24.0
    ));
    assert!(close(measure("3m and 5cm").1, 3.05));
    assert!(close(measure("1m and 1ft").1, 1.3048));
    assert_eq!(
        range("three cr twelve lac fifty-six thousand seven hundred twenty-one").0,
        31_256_721.0
    );
}

#[test]
fn currency_words_before_and_country_dollars_after() {
    assert_eq!(
        (range("ringgit 42").0, unit("ringgit 42")),
        (42.0, code("MYR"))
    );
    assert_eq!(unit("euros 5"), code("EUR"));
    assert_eq!((range("3.25US$").0, unit("3.25US$")), (3.25, code("USD")));
    assert_eq!(unit("5 A$"), code("AUD"));
}

#[test]
fn an_approximate_upper_end_makes_the_range_approximate() {
    let grams = q("between 2.0 g and about 7.0 g");
    assert!(grams.approximate);
    assert!(close(grams.low, 0.002) && close(grams.high, 0.007));
    assert!(q("2 - ~7 grams").approximate);
    assert_eq!(range("a pair").0, 2.0);
}

#[test]
fn a_bound_below_zero_turns_over() {
    let colder = q("more than 2 °C below zero");
    assert_eq!((colder.low, colder.high), (f64::NEG_INFINITY, -2.0));
    let warmer = q("less than 2 °C below zero");
    assert_eq!((warmer.low, warmer.high), (-2.0, INF));
    let drop = q("a drop of at least 3 °C");
    assert_eq!((drop.low, drop.high), (f64::NEG_INFINITY, -3.0));
    let nearly = q("nearly 10 °C below zero");
    assert!(
        close(nearly.low, -10.0) && close(nearly.high, -9.0),
        "{nearly:?}"
    );
}

#[test]
fn fractions_with_an_exact_decimal() {
    assert_eq!(range("1/2"), (0.5, 0.5, 0.25));
    assert_eq!(range("3/15").0, 0.2);
    assert_eq!(range("20/100").0, 0.2);
    assert!(close(measure("3/4 cup").1, 0.75 * 0.236_588_236_5));
    assert!(close(measure("1/2 hour").1, 0.5 / 24.0));
    assert!(close(measure("2/1000 kilograms").1, 0.002));
    assert!(
        parse_number("1/3").is_err(),
        "no exact decimal: refused, not rounded"
    );
    assert!(parse_number("1/0").is_err());
    assert!(parse_number("1 / 2").is_err(), "spaced: not a fraction");
}

// Breadth measured against Duckling's corpus (README, "Breadth against Duckling's corpus").

#[test]
fn lakh_and_crore_in_their_other_spellings() {
    assert_eq!(range("12 lkhs").0, 1_200_000.0);
    assert_eq!(range("4 lkh").0, 400_000.0);
    assert_eq!(range("3 krores").0, 30_000_000.0);
    assert_eq!(range("1.5 krore").0, 15_000_000.0);
    assert_eq!(range("two koti").0, 20_000_000.0);
    assert_eq!(range("seven hundred krore").0, 7e9);
    assert_eq!(unit("₹4 krore"), code("INR"));
    assert_eq!(range("Rs 4 krore").0, range("Rs 4 crore").0);
}

#[test]
fn kr_is_crore_or_kronor_and_is_refused_not_counted() {
    for text in [
        "300 kr",
        "300 Kr.",
        "three hundred kr",
        "about 5 kr",
        "300 kr or more",
    ] {
        let message = error(text).message;
        assert!(
            message.contains("crore") && message.contains("kronor"),
            "{text}: {message}"
        );
    }
    assert!(error("300 kr").hint.is_some_and(|h| h.contains("SEK")));
    // A word that only starts like it is still a counted noun.
    assert_eq!(unit("300 krill"), count("krill"));
}

#[test]
fn the_cents_sign_counts_cents_as_the_word_does() {
    assert_eq!(q("10¢"), q("10 cents"));
    assert_eq!(unit("99 ¢"), count("cent"));
    assert_eq!(range("about 25¢"), range("about 25 cents"));
    assert_eq!(range("50¢ or more").1, INF);
    assert!(
        parse_number("10¢ apples").is_err(),
        "nothing counted after the sign"
    );
}

#[test]
fn a_bare_number_below_or_above_zero_is_in_degrees_of_an_open_scale() {
    let reading = read_number("20 below zero").unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(reading.default, None, "Celsius or Fahrenheit: not guessed");
    let lows: Vec<f64> = reading.readings.iter().map(|q| q.low).collect();
    assert_eq!(lows.first(), Some(&-20.0), "-20 °C");
    assert!(
        lows.get(1)
            .is_some_and(|f| close(*f, (-20.0 - 32.0) * 5.0 / 9.0))
    );
    assert!(
        reading
            .readings
            .iter()
            .all(|q| q.unit == Unit::Measure(Dimension::Temperature))
    );
    let above = read_number("5 above zero").unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(above.readings.first().map(|q| q.low), Some(5.0));
    assert!(
        error("15 below zero")
            .message
            .contains("Celsius or Fahrenheit")
    );
    // A scale written says which.
    assert_eq!(range("15 °F below zero").0, (-15.0 - 32.0) * 5.0 / 9.0);
    // Not a temperature: "below" of anything else stays unread.
    assert!(parse_number("20 below average").is_err());
    assert_eq!(
        unit("20 km below zero"),
        Unit::Measure(Dimension::Length),
        "a unit written is kept: only a bare number is in degrees"
    );
}

#[test]
fn bare_degrees_take_the_scale_written_on_the_other_end() {
    assert_eq!(range("from 30 degrees to 40 °C").0, 30.0);
    assert_eq!(range("from 30 degrees to 40 °C").1, 40.0);
    assert_eq!(q("30° to 40°C"), q("30 °C to 40 °C"));
    assert_eq!(
        q("between 50 degrees and 60 °F"),
        q("between 50 °F and 60 °F")
    );
    assert_eq!(q("50 °F to 60 degrees"), q("50 °F to 60 °F"));
    // Two different scales are still two units.
    assert!(parse_number("30 °C to 40 °F").is_err());
    // Degrees on both ends still name no scale.
    assert!(parse_number("30 degrees to 40 degrees").is_err());
}

#[test]
fn a_currency_named_in_two_words_before_the_numeral() {
    assert_eq!(value("Malaysian ringgit 42"), value("42 Malaysian ringgit"));
    assert_eq!(unit("malaysia ringgits 42"), code("MYR"));
    assert_eq!(unit("Indian rupees 500"), code("INR"));
    assert_eq!(range("Indian rupees 500 crore").0, 5e9);
    assert_eq!(unit("US dollars 5"), code("USD"));
    assert_eq!(unit("pounds sterling 30"), code("GBP"));
    // Two words that are not a currency stay unread.
    assert!(parse_number("nice ringgit 42").is_err());
    assert!(parse_number("Malaysian 42").is_err());
}

#[test]
fn a_capital_m_after_a_numeral_is_a_million() {
    for text in ["3M", "1.2M", "$4M", "5 M", "-1.2M", "3M people", "2M-3M"] {
        let reading = read_number(text).unwrap_or_else(|e| panic!("{text}: {}", e.message));
        assert_eq!(
            reading.readings.len(),
            1,
            "{text}: one reading, no ambiguity"
        );
        assert!(reading.ambiguity.is_none(), "{text}");
    }
    assert_eq!(range("1.2M").0, 1_200_000.0);
    assert_eq!(range("-1.2M").0, -1_200_000.0);
    assert_eq!(unit("3M"), Unit::None);
    assert_eq!(unit("$4M"), DOLLAR);
    assert_eq!(range("2M-3M"), (2e6, 3e6, 500_000.0));
    // Lower case stays open, and a capital M that starts a word is not the abbreviation.
    assert_eq!(read_number("3m").map(|r| r.readings.len()), Ok(2));
    assert!(!capital_m_after_numeral("3 Mt"));
    assert!(!capital_m_after_numeral("Model M"));
    assert!(capital_m_after_numeral("about 3M people"));
}

#[test]
fn a_country_names_which_dinar_pound_riyal_or_krona() {
    assert_eq!(unit("42 Kuwaiti dinars"), code("KWD"));
    assert_eq!(unit("42 Lebanese Pounds"), code("LBP"));
    assert_eq!(unit("5 million Egyptian pounds"), code("EGP"));
    assert_eq!(unit("10 Saudi riyals"), code("SAR"));
    assert_eq!(unit("10 Omani rials"), code("OMR"));
    assert_eq!(unit("300 Swedish kronor"), code("SEK"));
    assert_eq!(unit("300 Danish kroner"), code("DKK"));
    assert_eq!(unit("2 billion Turkish lira"), code("TRY"));
    assert_eq!(unit("Qatari riyals 42"), code("QAR"));
    assert_eq!(unit("ten tugriks"), code("MNT"));
    assert_eq!(unit("LE 5 billion"), code("EGP"));
    assert_eq!(value("42 L.E."), value("EGP 42"));
    // The name alone names no one currency.
    assert_eq!(unit("10 dinars"), count("dinar"));
    assert_eq!(unit("10 riyals"), count("riyal"));
    // A country with no such currency is not guessed.
    assert_eq!(unit("10 Kuwaiti pounds"), count("kuwaiti pound"));
}

#[test]
fn fractions_named_in_words_with_an_exact_decimal() {
    assert_eq!(q("a tenth of a gallon"), q("0.1 gallon"));
    assert_eq!(q("a fifth of a mile"), q("0.2 mile"));
    assert_eq!(q("an eighth of an inch"), q("0.125 inch"));
    assert_eq!(q("a fourth of a litre"), q("a quarter of a litre"));
    assert_eq!(q("fourth of liter"), q("0.25 liter"));
    assert_eq!(q("a hundredth of a second"), q("0.01 second"));
    assert_eq!(range("a tenth of a million").0, 100_000.0);
    // No exact decimal, or not a unit after it: refused, never rounded or guessed.
    assert!(parse_number("a third of a mile").is_err());
    assert!(parse_number("a fifth of the budget").is_err());
    assert!(parse_number("the fifth").is_err());
}
