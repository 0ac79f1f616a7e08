//! `spanmark labels`: the listing, each change (add, rename, recolour, re-key, new
//! attribute names, remove with relabelling) and each refusal, one line each and the
//! project left as it was.

use crate::Dir;

fn stdout(d: &Dir, args: &[&str]) -> String {
    String::from_utf8(d.run(args).success().get_output().stdout.clone()).unwrap()
}

#[test]
fn labels_lists_name_colour_key_spans_and_attributes() {
    let d = Dir::annotated();
    assert_eq!(
        stdout(&d, &["labels", "p.ron"]),
        "label   colour   key  spans  attributes\n\
         quote   #0072B2  q        2  speaker\n\
         claim   #D55E00  c        1  status: choice(to check|checking|checked), verdict: choice(true|mostly true|half true|mostly false|false|misleading|unverifiable), claimant, type: choice(quantity|prediction|cause and effect|laws and rules|personal experience|other), sources: sources, reviewed: date, review url: url\n\
         figure  #009E73  f        2  kind: choice(count|money|percent|duration|date|other), value: quantity\n"
    );
}

#[test]
fn labels_add_rename_recolour_rekey_and_remove() {
    let d = Dir::annotated();
    let added = stdout(
        &d,
        &[
            "labels",
            "p.ron",
            "--add",
            "person",
            "--key",
            "P",
            "--attributes",
            "role,org",
        ],
    );
    assert!(added.starts_with("Added label \"person\": "), "{added}");
    // Without --color, the next Okabe–Ito colour; without --key, none.
    d.run(&["labels", "p.ron", "--add", "place"]).success();
    d.run(&["labels", "p.ron", "--rename", "quote", "citation"])
        .success();
    d.run(&["labels", "p.ron", "--color", "claim", "#112233"])
        .success();
    d.run(&["labels", "p.ron", "--key", "figure", "g"])
        .success();
    d.run(&["labels", "p.ron", "--attributes", "place", "country"])
        .success();
    let listed = stdout(&d, &["labels", "p.ron"]);
    assert_eq!(
        listed,
        "label     colour   key  spans  attributes\n\
         citation  #0072B2  q        2  speaker\n\
         claim     #112233  c        1  status: choice(to check|checking|checked), verdict: choice(true|mostly true|half true|mostly false|false|misleading|unverifiable), claimant, type: choice(quantity|prediction|cause and effect|laws and rules|personal experience|other), sources: sources, reviewed: date, review url: url\n\
         figure    #009E73  g        2  kind: choice(count|money|percent|duration|date|other), value: quantity\n\
         person    #CC79A7  p        0  role, org\n\
         place     #E69F00  -        0  country\n"
    );
    let removed = stdout(
        &d,
        &[
            "labels",
            "p.ron",
            "--remove",
            "claim",
            "--relabel-to",
            "figure",
        ],
    );
    assert!(
        removed.contains("its 1 spans are now \"figure\""),
        "{removed}"
    );
    d.run(&["labels", "p.ron", "--remove", "place"]).success();
    let saved = d.read("p.ron");
    assert!(
        !saved.contains("\"claim\"") && !saved.contains("\"quote\""),
        "{saved}"
    );
    assert!(saved.contains("\"citation\""));
    d.run(&["validate", "p.ron"]).success();
    let listed = stdout(&d, &["labels", "p.ron"]);
    assert!(listed.contains("figure    #009E73  g        3"), "{listed}");
    // The same colour again changes nothing and writes nothing.
    let same = stdout(&d, &["labels", "p.ron", "--color", "figure", "#009E73"]);
    assert!(same.starts_with("nothing changed"), "{same}");
}

#[test]
fn labels_refuses_bad_input_in_one_line() {
    let d = Dir::annotated();
    d.fails(
        &["labels", "p.ron", "--rename", "nope", "x"],
        "there is no label \"nope\"",
    );
    d.fails(
        &["labels", "p.ron", "--color", "nope", "#112233"],
        "there is no label \"nope\"",
    );
    d.fails(
        &["labels", "p.ron", "--rename", "quote", "claim"],
        "a label named \"claim\" already exists",
    );
    d.fails(
        &["labels", "p.ron", "--add", "quote"],
        "a label named \"quote\" already exists",
    );
    d.fails(
        &["labels", "p.ron", "--add", " x"],
        "is not a usable label name",
    );
    d.fails(
        &["labels", "p.ron", "--color", "claim", "red"],
        "\"red\" is not a colour of the form #RRGGBB",
    );
    d.fails(
        &["labels", "p.ron", "--add", "x", "--color", "#12345"],
        "is not a colour",
    );
    d.fails(
        &["labels", "p.ron", "--key", "claim", "q"],
        "the key Q already tags \"quote\"",
    );
    d.fails(
        &["labels", "p.ron", "--add", "x", "--key", "n"],
        "the key N is taken by the command \"Next suggestion\"",
    );
    d.fails(
        &["labels", "p.ron", "--key", "claim", "7"],
        "is not a letter",
    );
    d.fails(
        &["labels", "p.ron", "--key", "claim", "ab"],
        "is not one letter",
    );
    d.fails(
        &["labels", "p.ron", "--remove", "quote"],
        "label \"quote\" is used by 2 spans: give --relabel-to OTHER",
    );
    d.fails(
        &[
            "labels",
            "p.ron",
            "--remove",
            "quote",
            "--relabel-to",
            "nope",
        ],
        "no such other label",
    );
    d.fails(
        &["labels", "p.ron", "--remove", "nope"],
        "there is no label \"nope\"",
    );
    d.fails(
        &["labels", "p.ron", "--add", "x", "--rename", "quote", "y"],
        "one change at a time",
    );
    d.fails(
        &[
            "labels", "p.ron", "--color", "quote", "#112233", "--key", "claim", "x",
        ],
        "one label at a time",
    );
    d.fails(&["labels", "missing.ron"], "missing.ron");
    // --relabel-to without --remove is bad usage (clap's, exit 2).
    d.run(&["labels", "p.ron", "--relabel-to", "quote"]).code(2);
}

#[test]
fn labels_list_add_rename_and_remove_relation_types() {
    let d = Dir::annotated();
    let listed = stdout(&d, &["labels", "p.ron", "--relation-types"]);
    assert_eq!(
        listed,
        "relation type  from   to            relations\n\
         attributed to  quote  any                   0\n\
         supported by   claim  figure,quote          0\n\
         claimed by     claim  any                   0\n"
    );
    let added = stdout(
        &d,
        &[
            "labels",
            "p.ron",
            "--add-relation-type",
            "contradicts",
            "--from",
            "claim",
            "--to",
            "quote, claim",
        ],
    );
    assert!(
        added.starts_with("Added relation type \"contradicts\": "),
        "{added}"
    );
    let renamed = stdout(
        &d,
        &[
            "labels",
            "p.ron",
            "--rename-relation-type",
            "contradicts",
            "disputes",
        ],
    );
    assert!(
        renamed
            .starts_with("Renamed relation type \"contradicts\" to \"disputes\" (0 relations): "),
        "{renamed}"
    );
    let listed = stdout(&d, &["labels", "p.ron", "--relation-types"]);
    assert!(
        listed.ends_with("disputes       claim  quote,claim           0\n"),
        "{listed}"
    );
    d.run(&["validate", "p.ron"]).success();
    let removed = stdout(
        &d,
        &["labels", "p.ron", "--remove-relation-type", "disputes"],
    );
    assert!(
        removed.starts_with("Removed relation type \"disputes\": "),
        "{removed}"
    );
    assert!(!d.read("p.ron").contains("disputes"));
}

#[test]
fn relation_type_changes_are_refused_in_one_line() {
    use spanmark::session::{RelationCommand, Session, SessionCommand};
    let d = Dir::new();
    let project =
        spanmark::fixture::project("p", &[("a.txt", "[quote:We won], said [claim:Olena].")]);
    let spans: Vec<_> = project.documents()[0]
        .spans()
        .iter()
        .map(|s| s.id)
        .collect();
    let mut session = Session::new(project, None, true);
    let link = RelationCommand::Link {
        from: spans[0],
        to: spans[1],
        kind: None,
    };
    session.apply(SessionCommand::Relation(link)).unwrap();
    spanmark::store::save(session.project(), &d.path("p.ron")).unwrap();
    let listed = stdout(&d, &["labels", "p.ron", "--relation-types"]);
    assert!(
        listed.contains("attributed to  quote  any                   1"),
        "{listed}"
    );
    d.fails(
        &["labels", "p.ron", "--remove-relation-type", "attributed to"],
        "attributed to",
    );
    d.fails(
        &["labels", "p.ron", "--remove-relation-type", "nope"],
        "nope",
    );
    d.fails(
        &["labels", "p.ron", "--rename-relation-type", "nope", "x"],
        "there is no relation type \"nope\"",
    );
    d.fails(
        &[
            "labels",
            "p.ron",
            "--rename-relation-type",
            "attributed to",
            "supported by",
        ],
        "supported by",
    );
    d.fails(
        &[
            "labels",
            "p.ron",
            "--add-relation-type",
            "x",
            "--from",
            "person",
        ],
        "person",
    );
    d.fails(
        &["labels", "p.ron", "--add-relation-type", "supported by"],
        "supported by",
    );
    d.fails(
        &[
            "labels",
            "p.ron",
            "--add-relation-type",
            "x",
            "--remove",
            "quote",
        ],
        "one change at a time",
    );
    // --from without --add-relation-type is bad usage (clap's, exit 2).
    d.run(&["labels", "p.ron", "--from", "quote"]).code(2);
    // Renaming a type in use retypes its relations.
    let renamed = stdout(
        &d,
        &[
            "labels",
            "p.ron",
            "--rename-relation-type",
            "attributed to",
            "said by",
        ],
    );
    assert!(renamed.contains("(1 relation)"), "{renamed}");
    let listed = stdout(&d, &["labels", "p.ron", "--relation-types"]);
    assert!(listed.contains("said by"), "{listed}");
    assert!(!d.read("p.ron").contains("attributed to"));
}
