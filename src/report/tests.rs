//! The report as a reader gets it: every project string escaped, the charts' numbers
//! those of the project, the same bytes every time, a whole page even for an empty
//! project, and no resource from outside the file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use super::charts::{self, Bar};
use super::html::{escape, link_or_text, web_url};
use crate::edit::Edit;
use crate::fixture;
use crate::model::claims::{SOURCES, claims};
use crate::model::{ArticleMeta, Document, Label, LabelSet, Project, Relation, RelationId, Span};

/// A project of the given articles (fixture markup), each with its source.
fn project(name: &str, articles: &[(&str, &str, ArticleMeta)]) -> Project {
    let mut project = Project::new(name);
    for (doc_name, markup, meta) in articles {
        let (text, spans) = fixture::parse(markup).unwrap();
        let mut doc = Document::new(project.allocate_doc_id(), doc_name, text, "UTF-8");
        doc.meta = meta.clone();
        let spans: Vec<Span> = spans
            .into_iter()
            .map(|s| {
                let mut span = Span::new(project.allocate_span_id(), &s.label, s.range);
                span.attributes = s.attributes;
                span
            })
            .collect();
        doc.set_spans(spans);
        Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(doc),
        }
        .apply(&mut project)
        .unwrap();
    }
    project
}

fn meta(outlet: &str, url: &str, language: &str) -> ArticleMeta {
    ArticleMeta {
        url: Some(url.to_owned()),
        outlet: Some(outlet.to_owned()),
        authors: vec!["Olena Kovalenko".into(), "Tom <b>Ward</b>".into()],
        published: Some("2026-03-01".into()),
        language: Some(language.to_owned()),
        extra: Default::default(),
    }
}

/// Two articles: claims with and without verdicts, a claim off the scale, quotes by
/// two speakers and one without, figures with values, hostile strings everywhere.
fn newsroom() -> Project {
    let mut p = project(
        "<script>alert('x')</script> & Co",
        &[
            (
                "kyiv <script>.txt",
                "[claim|verdict=false|status=checked|claimant=Ministry & Co:Russia launched \
                 [figure|kind=count|value=270 drone:270 drones] overnight]. \
                 [quote|speaker=Olena <i>K</i>:We will <b>win</b> & rebuild]. \
                 [quote|speaker=Anna:Peace must last]. [quote:Nobody knows]. \
                 [claim|verdict=mostly true:Prices rose [figure|value=40 percent:40%]].",
                meta("Kyiv <Post> & Co", "https://example.org/a?b=1&c=2", "uk"),
            ),
            (
                "cafe.md",
                "[claim|verdict=pants on fire:Coffee cures colds]. [claim:Rents doubled]. \
                 [quote|speaker=Anna:It was cold].",
                ArticleMeta::default(),
            ),
        ],
    );
    // A source with an address and a note, one that must not become a link.
    let doc = p.documents()[0].id;
    let claim = p.documents()[0].spans()[0].id;
    let d = p.document_mut(doc).unwrap();
    d.update_span(claim, |s| {
        s.attributes
            .insert("reviewed".to_owned(), "2026-03-02".to_owned());
        s.attributes.insert(
            "review url".to_owned(),
            "https://check.example/1".to_owned(),
        );
        s.attributes.insert(
            SOURCES.to_owned(),
            "https://stats.example/r?x=1&y=2 Ministry <report>\njavascript:alert(1) bad link"
                .to_owned(),
        );
    });
    // The figure of the second claim also supports the first.
    let forty = p.documents()[0]
        .spans()
        .iter()
        .find(|s| s.attributes.get("value").is_some_and(|v| v == "40 percent"))
        .unwrap()
        .id;
    let id = RelationId(p.next_relation_id());
    Edit::AddRelation {
        doc,
        relation: Relation::new(id, "supported by", claim, forty),
    }
    .apply(&mut p)
    .unwrap();
    p
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Checks that every element the report opens is closed in order (void elements and
/// `<.../>` apart), skipping the style sheet: a page a browser parses as written.
fn assert_balanced(html: &str) {
    const VOID: [&str; 4] = ["meta", "br", "hr", "col"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "a stray < before {tag:?}");
        if let Some(closing) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_default();
            assert_eq!(open, closing, "</{closing}> closes <{open}>");
        } else if !VOID.contains(&name.as_str()) {
            if name == "style" {
                rest = &rest[rest.find("</style>").unwrap()..];
            }
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

#[test]
fn every_project_string_is_escaped() {
    let html = super::html(&newsroom());
    assert!(
        !html.to_lowercase().contains("<script"),
        "a script tag got through"
    );
    assert!(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<Post>"));
    assert!(html.contains(
        "<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co — report</title>"
    ));
    assert!(html.contains("<h2>kyiv &lt;script&gt;.txt</h2>"));
    assert!(html.contains("We will &lt;b&gt;win&lt;/b&gt; &amp; rebuild"));
    assert!(html.contains("Olena &lt;i&gt;K&lt;/i&gt;"));
    assert!(html.contains("<dd>Kyiv &lt;Post&gt; &amp; Co</dd>"));
    assert!(html.contains("Olena Kovalenko, Tom &lt;b&gt;Ward&lt;/b&gt;"));
    assert!(html.contains("<td>Ministry &amp; Co</td>"));
    // Addresses keep their query, escaped in the attribute.
    assert!(html.contains("href=\"https://example.org/a?b=1&amp;c=2\""));
    assert!(html.contains(
        "<a href=\"https://stats.example/r?x=1&amp;y=2\" title=\"https://stats.example/r?x=1&amp;y=2\">Ministry &lt;report&gt;</a>"
    ));
    // What is not a web address stays text.
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("<li>bad link</li>"));
    assert_balanced(&html);
}

#[test]
fn escaping_and_links() {
    assert_eq!(
        escape("<a href=\"x\">&'"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    );
    assert_eq!(
        web_url(" https://a.example/x "),
        Some("https://a.example/x")
    );
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://",
        "https://a b",
        "data:x",
    ] {
        assert_eq!(web_url(bad), None, "{bad}");
    }
    assert_eq!(
        link_or_text("https://www.example.org/long/", ""),
        "<a href=\"https://www.example.org/long/\" title=\"https://www.example.org/long/\">example.org/long</a>"
    );
    assert_eq!(link_or_text("ftp://x", "note"), "note");
}

#[test]
fn charts_count_what_the_project_holds() {
    let p = newsroom();
    let bars = charts::verdict_bars(&p, &claims(&p));
    let counted: Vec<(&str, usize)> = bars.iter().map(|b| (b.name.as_str(), b.count)).collect();
    assert_eq!(
        counted,
        [
            ("true", 0),
            ("mostly true", 1),
            ("half true", 0),
            ("mostly false", 0),
            ("false", 1),
            ("misleading", 0),
            ("unverifiable", 0),
            ("pants on fire", 1),
            ("no verdict", 1),
        ]
    );
    let labels = charts::label_bars(&p);
    assert_eq!(
        labels,
        [
            Bar {
                name: "quote".into(),
                count: 4,
                color: "#0072B2".into()
            },
            Bar {
                name: "claim".into(),
                count: 4,
                color: "#D55E00".into()
            },
            Bar {
                name: "figure".into(),
                count: 2,
                color: "#009E73".into()
            },
        ]
    );
    let html = super::html(&p);
    assert!(html.contains(
        "<desc id=\"chart-verdicts-desc\">4 claims. true: 0; mostly true: 1; half true: 0; \
         mostly false: 0; false: 1; misleading: 0; unverifiable: 0; pants on fire: 1; \
         no verdict: 1.</desc>"
    ));
    assert!(html.contains(
        "<desc id=\"chart-labels-desc\">10 spans. quote: 4; claim: 4; figure: 2.</desc>"
    ));
    // The longest bar is the full width, the others in proportion.
    let svg = charts::bar_chart("c", "T", ("span", "spans"), &labels);
    assert_eq!(count(&svg, "width=\"240.0\""), 2, "{svg}");
    assert_eq!(count(&svg, "width=\"120.0\""), 1, "{svg}");
    assert!(svg.contains("<title>figure: 2 spans</title>"));
    assert_eq!(count(&html, "<svg class=\"chart\""), 2);
}

#[test]
fn articles_show_source_claims_quotes_and_figures() {
    let html = super::html(&newsroom());
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("4 claims (1 checked, 3 with a verdict)"));
    // The article's words are marked with its language.
    assert!(
        html.contains("<td class=\"text\" lang=\"uk\">Russia launched 270 drones overnight</td>")
    );
    // Checked on a date that links to the published check.
    assert!(html.contains(
        "<span class=\"claim-status\">checked <a href=\"https://check.example/1\" \
         title=\"https://check.example/1\">2026-03-02</a></span>"
    ));
    assert!(html.contains("<span class=\"claim-status\">to check</span>"));
    assert!(html.contains(
        "<span lang=\"uk\">270 drones</span><span class=\"value\">270 drone</span></li>"
    ));
    // A figure linked to the claim (supported by) is listed and marked.
    assert!(html.contains(
        "<li><span lang=\"uk\">40%</span><span class=\"value\">40 percent</span> \
         <span class=\"muted\">(linked)</span></li>"
    ));
    // Figures: as written, the kind (the span's, else the value's), the value.
    assert!(html.contains(
        "<tr><td lang=\"uk\">270 drones</td><td>count</td><td class=\"value\">270 drone</td></tr>"
    ));
    assert!(html.contains(
        "<tr><td lang=\"uk\">40%</td><td>percent</td><td class=\"value\">40 percent</td></tr>"
    ));
    assert!(html.contains("<p class=\"status\">Status: new · <span class=\"chip\">"));
    // Quotes grouped by speaker, in order of first quote, the unattributed last.
    let first = html
        .find("<h4>Olena &lt;i&gt;K&lt;/i&gt; <span class=\"n\">1</span></h4>")
        .unwrap();
    let anna = html
        .find("<h4>Anna <span class=\"n\">1</span></h4>")
        .unwrap();
    let none = html
        .find("<h4 class=\"none\">no speaker <span class=\"n\">1</span></h4>")
        .unwrap();
    assert!(first < anna && anna < none);
    // The second article has no source and no figures.
    let cafe = &html[html.find("<article id=\"doc-2\">").unwrap()..];
    assert!(cafe.contains("Source not recorded."));
    assert!(cafe.contains("No figures tagged."));
    assert!(cafe.contains("pants on fire"));
}

#[test]
fn the_same_project_gives_the_same_bytes() {
    // Built twice: the maps inside differ in order, the report must not.
    let a = super::html(&newsroom());
    let b = super::html(&newsroom());
    assert_eq!(a, b);
    assert!(!a.contains(&crate::shown::utc(std::time::SystemTime::now())[..10]));
}

#[test]
fn an_empty_project_is_still_a_whole_page() {
    let html = super::html(&Project::new(""));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("<h1>Untitled project</h1>"));
    assert!(html.contains("0 articles · 0 spans · 0 claims"));
    assert!(html.contains("This project has no articles yet."));
    assert!(html.contains("no verdict: 0."));
    assert_balanced(&html);

    let plain = project(
        "Plain",
        &[("a.txt", "Nothing tagged here.", ArticleMeta::default())],
    );
    let html = super::html(&plain);
    assert!(html.contains("No claims tagged.") && html.contains("No quotes tagged."));
    assert_balanced(&html);
}

#[test]
fn nothing_is_fetched_from_outside_the_file() {
    let mut p = newsroom();
    // A colour that is not one (a hand-edited file) never reaches a style attribute.
    let mut labels: Vec<Label> = p.labels.iter().cloned().collect();
    labels[0].color = "red;background:url(https://x.example/a.png)".to_owned();
    p.labels = LabelSet::from_vec(labels);
    let html = super::html(&p);
    assert!(html.contains("<span class=\"swatch\" style=\"background:#8C8C8C\"></span>quote"));
    for outside in [
        " src=",
        "<link",
        "@import",
        "url(",
        "<script",
        "<iframe",
        "@font-face",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert_balanced(&html);
}
