//! The vocabulary of numbers: number words, magnitudes, vague quantities, currencies and
//! measure units, as `match` tables the compiler turns into static code (nothing is built per
//! call).
//!
//! Owns what a single word (or symbol) stands for. It must not look at neighbouring words:
//! multi-word forms ("per cent", "nautical miles", "tens of thousands") and ambiguities
//! ("m", "pounds") are settled in `grammar`.

use crate::model::quantity::Currency;

/// A power of ten and a plain factor: how a magnitude ("billion", "dozen") or a measure unit
/// ("km", "mile") scales a written number.
///
/// Powers of ten are kept apart from the factor so that "55.3 billion" is computed as
/// 553 × 10⁸, exactly, and equals "55,300,000,000" bit for bit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scale {
    /// The power of ten.
    pub exp: i32,
    /// Any factor that is not a power of ten (12 for a dozen, 1609.344 for a mile).
    pub factor: f64,
}

impl Scale {
    /// No scaling.
    pub const ONE: Scale = Scale::ten(0);

    pub(super) const fn ten(exp: i32) -> Scale {
        Scale { exp, factor: 1.0 }
    }

    pub(super) const fn times(factor: f64) -> Scale {
        Scale { exp: 0, factor }
    }

    /// Both scalings, one after the other.
    pub fn then(self, other: Scale) -> Scale {
        Scale {
            exp: self.exp.saturating_add(other.exp),
            factor: self.factor * other.factor,
        }
    }
}

/// A currency as written, before it becomes the model's [`Currency`] (which allocates for
/// codes); kept `Copy` so that parsing does not allocate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Money {
    /// "$" or "dollars" with no country.
    Dollar,
    /// "¥": yen or yuan.
    Yen,
    /// "Rs" or "rupees" with no country.
    Rupee,
    /// An ISO 4217 code.
    Code(&'static str),
}

impl Money {
    /// The model's currency.
    pub fn currency(self) -> Currency {
        match self {
            Money::Dollar => Currency::AmbiguousDollar,
            Money::Yen => Currency::AmbiguousYen,
            Money::Rupee => Currency::AmbiguousRupee,
            Money::Code(code) => Currency::Code(code.to_owned()),
        }
    }

    /// The one currency two mentions of money in one value name, if they agree.
    ///
    /// A specific currency settles an ambiguous sign ("$5 billion USD" is US dollars); two
    /// specific currencies must be the same.
    pub fn merge(self, other: Money) -> Option<Money> {
        match (self, other) {
            (a, b) if a == b => Some(a),
            (Money::Dollar, Money::Code(code)) | (Money::Code(code), Money::Dollar)
                if is_dollar_code(code) =>
            {
                Some(Money::Code(code))
            }
            (Money::Yen, Money::Code(code)) | (Money::Code(code), Money::Yen)
                if matches!(code, "JPY" | "CNY") =>
            {
                Some(Money::Code(code))
            }
            (Money::Rupee, Money::Code(code)) | (Money::Code(code), Money::Rupee)
                if matches!(code, "INR" | "PKR" | "LKR" | "NPR") =>
            {
                Some(Money::Code(code))
            }
            _ => None,
        }
    }
}

fn is_dollar_code(code: &str) -> bool {
    matches!(code, "USD" | "AUD" | "CAD" | "NZD" | "HKD" | "SGD" | "TWD")
}

/// The currency a sign stands for.
pub(super) fn currency_symbol(c: char) -> Option<Money> {
    Some(match c {
        '$' => Money::Dollar,
        '€' => Money::Code("EUR"),
        '£' => Money::Code("GBP"),
        '¥' => Money::Yen,
        '₩' => Money::Code("KRW"),
        '₹' => Money::Code("INR"),
        _ => return None,
    })
}

/// The country letters written before a dollar sign: "US$", "A$", "C$".
pub(super) fn dollar_country(word: &str) -> Option<&'static str> {
    Some(match word {
        "us" | "u.s" => "USD",
        "a" | "au" => "AUD",
        "c" | "ca" | "can" => "CAD",
        "nz" => "NZD",
        "hk" => "HKD",
        "s" => "SGD",
        "nt" => "TWD",
        _ => return None,
    })
}

/// An ISO 4217 code written as a word ("usd", "eur"): the major currencies only, so that an
/// arbitrary three-letter noun is not taken for money.
pub(super) fn currency_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "aud" => "AUD",
        "cad" => "CAD",
        "chf" => "CHF",
        "nzd" => "NZD",
        "hkd" => "HKD",
        "sgd" => "SGD",
        "twd" => "TWD",
        "krw" => "KRW",
        "inr" => "INR",
        "rub" => "RUB",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "pln" => "PLN",
        "pkr" => "PKR",
        "lkr" => "LKR",
        "npr" => "NPR",
        "myr" | "rm" => "MYR",
        "idr" => "IDR",
        "thb" => "THB",
        "php" => "PHP",
        "vnd" => "VND",
        "brl" => "BRL",
        "mxn" => "MXN",
        "zar" => "ZAR",
        "ils" => "ILS",
        "aed" => "AED",
        "sar" => "SAR",
        // "LE": the Egyptian pound as Egypt's English-language press writes it.
        "egp" | "le" | "l.e" => "EGP",
        "ngn" => "NGN",
        "kes" => "KES",
        "czk" => "CZK",
        "huf" => "HUF",
        "uah" => "UAH",
        "mnt" => "MNT",
        "kwd" => "KWD",
        "qar" => "QAR",
        "bgn" => "BGN",
        "lbp" => "LBP",
        _ => return None,
    })
}

/// A currency named by a single word after the number ("euros", "yen").
///
/// "pounds" is sterling here: in the claims this tool checks, money is far more common than
/// weight; the grammar reads "pounds of meat" as a weight, and `context` "pounds" beside
/// weights. Country-qualified dollars ("US dollars")
/// are two words and are read by the grammar.
pub(super) fn currency_word(word: &str) -> Option<Money> {
    Some(match word {
        "dollar" | "dollars" | "buck" | "bucks" => Money::Dollar,
        "euro" | "euros" => Money::Code("EUR"),
        "pound" | "pounds" | "sterling" => Money::Code("GBP"),
        "yen" => Money::Code("JPY"),
        "yuan" | "renminbi" => Money::Code("CNY"),
        "rupee" | "rupees" | "rs" => Money::Rupee,
        "ringgit" | "ringgits" => Money::Code("MYR"),
        "baht" => Money::Code("THB"),
        "rupiah" | "rupiahs" => Money::Code("IDR"),
        "won" => Money::Code("KRW"),
        "rand" | "rands" => Money::Code("ZAR"),
        "naira" => Money::Code("NGN"),
        "shekel" | "shekels" => Money::Code("ILS"),
        "zloty" | "zlotys" | "zlotych" => Money::Code("PLN"),
        "rouble" | "roubles" | "ruble" | "rubles" => Money::Code("RUB"),
        "hryvnia" | "hryvnias" => Money::Code("UAH"),
        "dirham" | "dirhams" => Money::Code("AED"),
        "tugrik" | "tugriks" | "tögrög" => Money::Code("MNT"),
        _ => return None,
    })
}

/// The currency a country adjective and a currency name shared by several countries name
/// together ("kuwaiti dinars", "lebanese pounds", "saudi riyals", "swedish kronor"). The name
/// alone ("10 dinars") names no one currency and stays a counted noun.
pub(super) fn country_currency(adjective: &str, name: &str) -> Option<&'static str> {
    let name = match name {
        "dinar" | "dinars" => "dinar",
        "pound" | "pounds" => "pound",
        "riyal" | "riyals" | "rial" | "rials" => "riyal",
        "krona" | "kronor" | "krone" | "kroner" | "króna" | "krónur" => "krona",
        "franc" | "francs" => "franc",
        "peso" | "pesos" => "peso",
        "lira" | "liras" | "lire" => "lira",
        "real" | "reais" => "real",
        "rupee" | "rupees" => "rupee",
        _ => return None,
    };
    Some(match (adjective, name) {
        ("kuwaiti", "dinar") => "KWD",
        ("bahraini", "dinar") => "BHD",
        ("jordanian", "dinar") => "JOD",
        ("iraqi", "dinar") => "IQD",
        ("libyan", "dinar") => "LYD",
        ("tunisian", "dinar") => "TND",
        ("algerian", "dinar") => "DZD",
        ("serbian", "dinar") => "RSD",
        ("lebanese", "pound") => "LBP",
        ("egyptian", "pound") => "EGP",
        ("syrian", "pound") => "SYP",
        ("sudanese", "pound") => "SDG",
        ("saudi", "riyal") => "SAR",
        ("qatari", "riyal") => "QAR",
        ("omani", "riyal") => "OMR",
        ("yemeni", "riyal") => "YER",
        ("iranian", "riyal") => "IRR",
        ("swedish", "krona") => "SEK",
        ("norwegian", "krona") => "NOK",
        ("danish", "krona") => "DKK",
        ("icelandic", "krona") => "ISK",
        ("swiss", "franc") => "CHF",
        ("mexican", "peso") => "MXN",
        ("philippine", "peso") => "PHP",
        ("argentine" | "argentinian", "peso") => "ARS",
        ("chilean", "peso") => "CLP",
        ("colombian", "peso") => "COP",
        ("turkish", "lira") => "TRY",
        ("brazilian", "real") => "BRL",
        ("nepalese" | "nepali", "rupee") => "NPR",
        _ => return None,
    })
}

/// The dollar a country adjective names ("australian dollars").
pub(super) fn dollar_adjective(word: &str) -> Option<&'static str> {
    Some(match word {
        "us" | "u.s" | "american" => "USD",
        "australian" => "AUD",
        "canadian" => "CAD",
        "singapore" => "SGD",
        "taiwan" => "TWD",
        _ => return None,
    })
}

/// A number word from zero to nineteen.
pub(crate) fn unit_word(word: &str) -> Option<u32> {
    Some(match word {
        "zero" | "nought" | "naught" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// A tens word from twenty to ninety.
pub(super) fn tens_word(word: &str) -> Option<u32> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A magnitude written out ("billion"); plurals are accepted after a number ("5 millions").
pub(super) fn magnitude_word(word: &str) -> Option<Scale> {
    Some(match word {
        "dozen" | "dozens" => Scale::times(12.0),
        "hundred" | "hundreds" => Scale::ten(2),
        "thousand" | "thousands" => Scale::ten(3),
        "million" | "millions" => Scale::ten(6),
        "billion" | "billions" => Scale::ten(9),
        "trillion" | "trillions" => Scale::ten(12),
        "lakh" | "lakhs" | "lac" | "lacs" => Scale::ten(5),
        // "krore" is a common transliteration, "koti" the Hindi and Sanskrit word.
        "crore" | "crores" | "krore" | "krores" | "koti" => Scale::ten(7),
        _ => return None,
    })
}

/// An abbreviation after a number with two meanings that nothing in the phrase settles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TwoMeanings {
    /// The abbreviation, as written (lower-cased).
    pub word: &'static str,
    /// What it may mean, in words.
    pub meanings: &'static str,
    /// What to write instead.
    pub instead: &'static str,
}

/// The abbreviations after a number that have two meanings and no default: "kr" is the
/// Indian crore and the Scandinavian krona/krone, so "300 kr" is neither read as one nor
/// kept as a count of "kr" (compared only with other counts of it, it would hide the 10⁷
/// between "300 kr" and "3 billion").
pub(super) fn two_meanings(word: &str) -> Option<TwoMeanings> {
    match word {
        "kr" => Some(TwoMeanings {
            word: "kr",
            meanings: "crore (ten million) or kronor/kroner",
            instead: "write `crore` (`300 crore`), or the currency's code (`SEK 300`, `NOK 300`, \
                      `DKK 300`)",
        }),
        _ => None,
    }
}

/// A magnitude abbreviation written right after a numeral ("5bn", "$3 m").
///
/// "m" is a million here; the grammar refuses it when nothing around it says it is not a
/// metre.
pub(super) fn magnitude_abbreviation(word: &str) -> Option<Scale> {
    Some(match word {
        "k" => Scale::ten(3),
        "m" | "mn" | "mln" | "mio" => Scale::ten(6),
        "b" | "bn" | "bln" => Scale::ten(9),
        "lkh" | "lkhs" => Scale::ten(5),
        "cr" => Scale::ten(7),
        "tn" | "trn" => Scale::ten(12),
        _ => return None,
    })
}

/// A vague plural on its own ("hundreds"), as its range. "tens" and "hundreds" followed by
/// "of thousands/millions/billions" are read by [`vague_order`].
///
/// The ranges run from twice the order to just under the next order ("hundreds" is 200–999),
/// except "millions", which the design gives as 2–999 million, and "billions", read the same
/// way.
pub(super) fn vague_plural(word: &str) -> Option<(f64, f64)> {
    Some(match word {
        "dozens" => (24.0, 99.0),
        "tens" => (20.0, 99.0),
        "hundreds" => (200.0, 999.0),
        "thousands" => (2_000.0, 9_999.0),
        "millions" => (2e6, 999e6),
        "billions" => (2e9, 999e9),
        _ => return None,
    })
}

/// "tens of X" and "hundreds of X", where X is a plural order.
pub(super) fn vague_order(multiple: &str, order: &str) -> Option<(f64, f64)> {
    let order = match order {
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    };
    let (low, next) = match multiple {
        "tens" => (20.0, 100.0),
        "hundreds" => (200.0, 1000.0),
        _ => return None,
    };
    Some((low * order, next * order - 1.0))
}

/// A vague quantifier that a magnitude may follow ("several hundred"): its range.
/// "few" and "handful" only after "a", which the grammar checks.
pub(super) fn quantifier(word: &str) -> Option<(f64, f64)> {
    Some(match word {
        "few" => (2.0, 5.0),
        "handful" => (2.0, 6.0),
        "several" => (3.0, 9.0),
        _ => return None,
    })
}

/// A currency written before the number as a word: a code ("USD", "RM") or "Rs".
pub(super) fn currency_prefix(word: &str) -> Option<Money> {
    match word {
        "rs" => Some(Money::Rupee),
        _ => currency_code(word).map(Money::Code),
    }
}

/// Words that a counted noun may not start with: they mean the phrase was not understood
/// ("five and six" must not count "and six"s).
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "to"
            | "of"
            | "than"
            | "from"
            | "between"
            | "plus"
            | "per"
            | "below"
            | "above"
            | "under"
            | "over"
            | "ago"
    ) || is_number_word(word)
}

/// A number word or a magnitude ("twelve", "forty", "lakh").
pub(super) fn is_number_word(word: &str) -> bool {
    unit_word(word).is_some() || tens_word(word).is_some() || magnitude_word(word).is_some()
}
