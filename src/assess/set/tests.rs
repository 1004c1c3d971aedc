use super::*;

/// A fact from each unit's list: `lists[i]` are the values unit `units[i]` lists.
fn fact(values: usize, lists: &[(u32, &[usize])]) -> SetFact {
    let mut listed_by = vec![Vec::new(); values];
    for (position, (_, list)) in lists.iter().enumerate() {
        for &value in *list {
            listed_by[value].push(u32::try_from(position).expect("few"));
        }
    }
    SetFact {
        speakers: lists
            .iter()
            .map(|&(unit, _)| Speaker { unit, weight: 1.0 })
            .collect(),
        listed_by,
    }
}

#[test]
fn a_value_most_units_list_is_in_and_one_only_one_unit_lists_is_out() {
    // Four complete units list authors 0 and 1; one adds 2.
    let book = fact(
        3,
        &[(0, &[0, 1]), (1, &[0, 1]), (2, &[0, 1]), (3, &[0, 1, 2])],
    );
    let set = choose(&book, &[1.0; 4]);
    assert_eq!(set.supported, [0, 1]);
    assert_eq!(set.unsupported, [2]);
}

#[test]
fn a_partial_list_does_not_remove_what_another_lists() {
    // One unit lists both authors, another the first only: nothing contradicts the second.
    let book = fact(2, &[(0, &[0, 1]), (1, &[0])]);
    assert_eq!(choose(&book, &[1.0, 1.0]).supported, [0, 1]);
}

#[test]
fn one_value_among_several_listed_by_one_of_four_complete_units_is_out() {
    let book = fact(2, &[(0, &[0, 1]), (1, &[0]), (2, &[0]), (3, &[0])]);
    assert_eq!(choose(&book, &[1.0; 4]).unsupported, [1]);
}

#[test]
fn first_author_only_units_do_not_outvote_full_lists() {
    // Units 0..=4 list only the first author of every book; units 5 to 7 list them all.
    // Books 1 to 3 teach that 0..=4 leave authors out; on book 0 they are five against
    // two, and the two full lists still carry the second and third authors.
    let partial: &[usize] = &[0];
    let full: &[usize] = &[0, 1, 2];
    let lists = |full_units: u32| -> Vec<(u32, &[usize])> {
        (0..5)
            .map(|unit| (unit, partial))
            .chain((5..5 + full_units).map(|unit| (unit, full)))
            .collect()
    };
    let mut facts = vec![fact(3, &lists(2))];
    for _ in 1..=3 {
        facts.push(fact(3, &lists(3)));
    }
    let before = choose(&facts[0], &[1.0; 8]);
    assert_eq!(
        before.supported,
        [0],
        "counted as complete, the five partial lists outvote the two full ones"
    );
    let sets = estimate(&facts, 8);
    assert_eq!(sets.sets[0].supported, [0, 1, 2]);
    assert!(sets.completeness[0] < 0.5, "{:?}", sets.completeness);
    assert!(sets.completeness[5] > 0.9, "{:?}", sets.completeness);
    assert!(sets.rounds <= MAX_ROUNDS);
}

#[test]
fn a_complete_unit_s_omission_weighs_more_than_a_partial_one_s() {
    let book = fact(2, &[(0, &[0, 1]), (1, &[0]), (2, &[0]), (3, &[0])]);
    assert_eq!(choose(&book, &[1.0, 0.2, 0.2, 0.2]).supported, [0, 1]);
    assert_eq!(choose(&book, &[1.0, 0.9, 0.9, 0.9]).supported, [0]);
}

#[test]
fn weights_count_as_given() {
    // One trusted unit lists a second author; three barely trusted ones leave it out.
    let mut book = fact(2, &[(0, &[0, 1]), (1, &[0]), (2, &[0]), (3, &[0])]);
    assert_eq!(choose(&book, &[1.0; 4]).supported, [0]);
    book.speakers[0].weight = 3.0;
    assert_eq!(choose(&book, &[1.0; 4]).supported, [0, 1]);
    // A unit of no weight supports nothing, even alone.
    let alone = SetFact {
        speakers: vec![Speaker {
            unit: 0,
            weight: 0.0,
        }],
        listed_by: vec![vec![0]],
    };
    assert_eq!(choose(&alone, &[1.0]).unsupported, [0]);
}

#[test]
fn a_value_of_a_single_unit_is_in() {
    let single = fact(2, &[(0, &[0, 1])]);
    assert_eq!(choose(&single, &[]).supported, [0, 1]);
}

#[test]
fn a_unit_listing_a_value_twice_counts_once_and_bad_input_does_not_panic() {
    let book = SetFact {
        speakers: vec![
            Speaker {
                unit: 0,
                weight: f64::NAN,
            },
            Speaker {
                unit: 1,
                weight: f64::INFINITY,
            },
            Speaker {
                unit: 9,
                weight: 1.0,
            },
        ],
        listed_by: vec![vec![2, 2, 2, 2], vec![7], vec![]],
    };
    let set = choose(&book, &[1.0]);
    assert_eq!(set.supported, [0]);
    assert_eq!(set.unsupported, [1, 2]);
    let sets = estimate(&[book.clone(), SetFact::default()], 2);
    assert_eq!(sets.sets.len(), 2);
    assert!(sets.completeness.iter().all(|c| c.is_finite()));
}

#[test]
fn a_unit_seen_on_one_fact_is_not_taken_as_partial_on_that_alone() {
    let facts = [fact(2, &[(0, &[0, 1]), (1, &[0, 1]), (2, &[0])])];
    let sets = estimate(&facts, 4);
    // Unit 2 listed one of two: (1 + 2) / (2 + 2); unit 3 never spoke: complete.
    assert!((sets.completeness[2] - 0.75).abs() < 1e-12);
    assert!((sets.completeness[3] - 1.0).abs() < 1e-12);
    // Units 0 and 1 listed both: (2 + 2) / (2 + 2).
    assert!((sets.completeness[0] - 1.0).abs() < 1e-12);
}

/// The stated values of the only multi-valued fact spoken of by several sources: (in, out).
fn assessed_set(files: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
    let rules = "[[property]]\nname = \"author\"\ncardinality = \"multi\"\n";
    let checked = crate::testing::check(files, Some(rules));
    let assessment = crate::assess::assess(&checked);
    let fact = assessment
        .facts
        .iter()
        .find(|f| f.multi && f.sources > 1)
        .expect("a multi-valued fact");
    let set = fact.set.clone().expect("a best set");
    let stated = |indexes: &[usize]| -> Vec<String> {
        indexes
            .iter()
            .map(|&i| {
                checked.dataset.claims[fact.values[i].claims[0] as usize]
                    .stated
                    .to_string()
            })
            .collect()
    };
    (stated(&set.supported), stated(&set.unsupported))
}

#[test]
fn a_dataset_s_multi_valued_fact_gets_its_set_and_derived_sources_count_once() {
    use crate::testing::{source, source_with};
    let a = source(&[
        ("Compilers", "author", "Alfred Aho"),
        ("Compilers", "author", "Jeffrey Ullman"),
    ]);
    let only_aho = source(&[("Compilers", "author", "Alfred Aho")]);
    let (b, c) = (only_aho.clone(), only_aho.clone());
    // One full list against two that leave Ullman out: still in (1 >= 2 / 2).
    let (supported, unsupported) = assessed_set(&[("a", &a), ("b", &b), ("c", &c)]);
    assert_eq!(supported, ["Alfred Aho", "Jeffrey Ullman"]);
    assert!(unsupported.is_empty());
    // Three that leave him out: out.
    let d = only_aho.clone();
    let (supported, unsupported) = assessed_set(&[("a", &a), ("b", &b), ("c", &c), ("d", &d)]);
    assert_eq!(supported, ["Alfred Aho"]);
    assert_eq!(unsupported, ["Jeffrey Ullman"]);
    // Unless two of them are excerpts of the third: one unit, one omission.
    let excerpt = source_with(
        "derived_from = [\"b\"]",
        &[("Compilers", "author", "Alfred Aho")],
    );
    let (supported, _) = assessed_set(&[("a", &a), ("b", &b), ("c", &excerpt), ("d", &excerpt)]);
    assert_eq!(supported, ["Alfred Aho", "Jeffrey Ullman"]);
}

#[test]
fn a_reliable_source_s_listing_outweighs_unreliable_omissions_under_the_trust_method() {
    use crate::assess::method::Method;
    use crate::testing::source;
    // Twenty towers whose heights the reliable source and two witnesses agree on, and
    // three unreliable sources each get differently wrong; then one book.
    let towers: Vec<String> = (1..=20).map(|n| format!("Tower {n}")).collect();
    let with_book = |height: &str, authors: &[&str]| {
        let mut claims: Vec<(&str, &str, &str)> = towers
            .iter()
            .map(|t| (t.as_str(), "height", height))
            .collect();
        claims.extend(authors.iter().map(|a| ("Compilers", "author", *a)));
        source(&claims)
    };
    let good = with_book("100 m", &["Alfred Aho", "Jeffrey Ullman"]);
    let witness = with_book("100 m", &[]);
    let bad = |height: &str| with_book(height, &["Alfred Aho"]);
    let (b1, b2, b3) = (bad("201 m"), bad("202 m"), bad("203 m"));
    let files = [
        ("good", &good),
        ("w1", &witness),
        ("w2", &witness),
        ("b1", &b1),
        ("b2", &b2),
        ("b3", &b3),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let rules = "[[property]]\nname = \"author\"\ncardinality = \"multi\"\n";
    let checked = crate::testing::check(&files, Some(rules));
    let unsupported = |method: Method| {
        let assessment = crate::assess::assess_with(&checked, method);
        let fact = assessment.facts.iter().find(|f| f.multi).expect("the book");
        fact.set.clone().expect("a best set").unsupported.len()
    };
    // Counted as one unit each, three omissions outweigh one listing; weighed by
    // reliability, the source right on every town outweighs the three wrong on every town.
    assert_eq!(unsupported(Method::Vote), 1);
    assert_eq!(unsupported(Method::Trust), 0);
}

#[test]
fn a_surname_alone_counts_as_the_one_person_of_that_surname_in_the_fact() {
    use crate::testing::source;
    let rules = "[[property]]\nname = \"author\"\ncardinality = \"multi\"\n";
    let both = source(&[
        ("Compilers", "author", "Alfred V. Aho"),
        ("Compilers", "author", "Jeffrey Ullman"),
    ]);
    let bare = source(&[("Compilers", "author", "AHO")]);
    let files = [("a", &both), ("b", &both), ("c", &bare), ("d", &bare)];
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let checked = crate::testing::check(&files, Some(rules));
    let assessment = crate::assess::assess(&checked);
    let fact = &assessment.facts[0];
    let set = fact.set.clone().expect("a set");
    let stated = |i: usize| {
        checked.dataset.claims[fact.values[i].claims[0] as usize]
            .stated
            .to_string()
    };
    let supported: Vec<String> = set.supported.iter().map(|&i| stated(i)).collect();
    assert_eq!(supported, ["Alfred V. Aho", "Jeffrey Ullman"]);
    assert!(set.unsupported.is_empty());
    let counted: Vec<(String, String)> = set
        .counted_as
        .iter()
        .map(|&(a, b)| (stated(a), stated(b)))
        .collect();
    assert_eq!(counted, [("AHO".to_owned(), "Alfred V. Aho".to_owned())]);

    // Two people of that surname: the surname alone is neither.
    let smiths = source(&[
        ("Economics", "author", "Adam Smith"),
        ("Economics", "author", "John Smith"),
    ]);
    let bare = source(&[("Economics", "author", "Smith")]);
    let (supported, _) = assessed_set(&[("a", &smiths), ("b", &bare)]);
    assert!(supported.contains(&"Smith".to_owned()), "{supported:?}");
}

#[test]
fn many_units_on_one_value_cost_linear_time() {
    // Quadratic work here would be 10^10 steps: the test would not finish.
    let n = 100_000_u32;
    let book = SetFact {
        speakers: (0..n).map(|unit| Speaker { unit, weight: 1.0 }).collect(),
        listed_by: vec![(0..n).chain(0..n).collect(), vec![0]],
    };
    let sets = estimate(&[book], n as usize);
    assert_eq!(sets.sets[0].supported, [0]);
    assert_eq!(sets.sets[0].unsupported, [1]);
}

#[test]
fn the_estimate_is_deterministic_and_bounded() {
    let facts: Vec<SetFact> = (0..20_u32)
        .map(|i| {
            let a: &[usize] = if i % 2 == 0 { &[0, 1] } else { &[0] };
            let b: &[usize] = if i % 3 == 0 { &[1] } else { &[0, 1] };
            fact(2, &[(i % 3, a), (3 + i % 2, b), (5, &[0])])
        })
        .collect();
    let first = estimate(&facts, 6);
    assert_eq!(first, estimate(&facts, 6));
    assert!(first.rounds <= MAX_ROUNDS);
}
