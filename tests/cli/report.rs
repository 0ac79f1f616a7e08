//! `spanmark report`: the HTML report to stdout or, atomically, to a file; the
//! project's strings escaped; refusals with one line and exit 1.

use super::Dir;
use predicates::prelude::*;

fn stdout(d: &Dir, args: &[&str]) -> String {
    String::from_utf8(d.run(args).success().get_output().stdout.clone()).unwrap()
}

#[test]
fn report_writes_one_html_page_of_the_project() {
    let d = Dir::annotated();
    let html = stdout(&d, &["report", "p.ron"]);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{html}"
    );
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("<h1>p</h1>"));
    assert!(html.contains("2 articles · 5 spans · 1 claim (0 checked, 0 with a verdict)"));
    assert!(html.contains("<h2>kyiv.txt</h2>") && html.contains("<h2>cafe.md</h2>"));
    // The claim, its figure, the quotes under their speaker, the two charts.
    assert!(html.contains("Russia launched 270 drones 🇺🇦 overnight."));
    assert!(html.contains("<h4>Zoë <span class=\"n\">1</span></h4>"));
    assert!(html.contains("<li>Prices rose 40% since 2022,</li>"));
    assert!(html.contains("no verdict: 1."));
    assert!(html.contains("quote: 2; claim: 1; figure: 2."));

    // -o writes the same page, atomically, and says so on stderr.
    d.run(&["report", "p.ron", "-o", "report.html"])
        .success()
        .stdout("")
        .stderr("wrote the report (2 documents, 1 claim) to report.html\n");
    assert_eq!(d.read("report.html"), html);
    assert!(!d.path("report.html.bak").exists());
}

#[test]
fn report_escapes_what_the_project_says() {
    let d = Dir::new();
    d.run(&["new", "p.ron", "--name", "<script>alert(1)</script> & Co"])
        .success();
    d.run(&[
        "add",
        "p.ron",
        "kyiv.txt",
        "--url",
        "https://example.org/a?x=1&y=<2>",
        "--outlet",
        "Kyiv <Post> & Co",
        "--author",
        "Zoë <b>Ward</b>",
        "--language",
        "uk",
    ])
    .success();
    let html = stdout(&d, &["report", "p.ron"]);
    assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<Post>"));
    assert!(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>"));
    assert!(html.contains("<dd>Kyiv &lt;Post&gt; &amp; Co</dd>"));
    assert!(html.contains("<dd>Zoë &lt;b&gt;Ward&lt;/b&gt;</dd>"));
    assert!(
        html.contains("<a href=\"https://example.org/a?x=1&amp;y=&lt;2&gt;\""),
        "{html}"
    );
    assert!(html.contains("No claims tagged."));
}

#[test]
fn report_refusals() {
    let d = Dir::annotated();
    d.fails(
        &["report", "p.ron", "-o", "p.ron"],
        "refusing to overwrite the project with its report: p.ron",
    );
    d.fails(
        &["report", "p.ron", "-o", "kyiv.txt/report.html"],
        "cannot write the report (a part of the path is not a folder): kyiv.txt/report.html",
    );
    d.fails(
        &["report", "missing.ron"],
        "cannot read project (no such file or folder): missing.ron",
    );
    d.run(&["report"])
        .code(2)
        .stderr(predicate::str::contains("<PROJECT>"));
}
