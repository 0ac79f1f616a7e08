//! The project's HTML report (`spanmark report`): one self-contained HTML5 file that
//! opens offline in any browser and prints cleanly. It owns the page's outline: the
//! project's name and counts, the charts of claims by verdict and spans per label, a
//! list of the articles, then per article its source, its claims (status, verdict,
//! claimant, sources, figures), its quotes by speaker and its figures with their
//! values. The page has no external resource and no script: CSS and SVG are inline,
//! every string from the project is escaped ([`html::escape`]), and the same project
//! always gives the same bytes (no time stamp).

mod article;
mod charts;
mod html;
#[cfg(test)]
mod tests;

use crate::model::Project;
use crate::model::claims::{self, Claim};
use html::escape;
use std::fmt::Write as _;

/// The style sheet, inlined in every report.
const STYLE_CSS: &str = include_str!("report/style.css");

/// The whole report of `project` as an HTML document.
pub fn html(project: &Project) -> String {
    let claims = claims::claims(project);
    let mut out = String::with_capacity(16 * 1024 + project.span_count() * 400);
    let name = if project.name.trim().is_empty() {
        "Untitled project"
    } else {
        project.name.as_str()
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"spanmark {version}\">\n\
         <title>{title} — report</title>\n<style>\n{STYLE_CSS}</style>\n</head>\n<body>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = escape(name),
    );
    header(&mut out, project, name, &claims);
    overview(&mut out, project, &claims);
    contents(&mut out, project, &claims);
    for doc in project.documents() {
        let of_doc: Vec<&Claim> = claims.iter().filter(|c| c.document.id == doc.id).collect();
        article::write(&mut out, project, doc, &of_doc);
    }
    let _ = write!(
        out,
        "<footer>Made by spanmark {} from the project file. Texts are quoted exactly as \
         stored.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// `1 article`, `3 articles`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn header(out: &mut String, project: &Project, name: &str, claims: &[Claim]) {
    let quotes: usize = project
        .documents()
        .iter()
        .map(|d| article::quotes(project, d).len())
        .sum();
    let figures: usize = project
        .documents()
        .iter()
        .map(|d| article::figures(project, d).len())
        .sum();
    let checked = claims.iter().filter(|c| c.is_checked()).count();
    let with_verdict = claims.iter().filter(|c| !c.verdict().is_empty()).count();
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Annotation report</p>\n<h1>{}</h1>\n\
         <p class=\"counts\">{} · {} · {} ({checked} checked, {with_verdict} with a verdict) \
         · {} · {}</p>\n",
        escape(name),
        count(project.documents().len(), "article", "articles"),
        count(project.span_count(), "span", "spans"),
        count(claims.len(), "claim", "claims"),
        count(quotes, "quote", "quotes"),
        count(figures, "figure", "figures"),
    );
    let desk = &project.desk;
    if !desk.publisher.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"publisher\">Fact checks published by {}</p>",
            html::link_or_text(&desk.publisher_url, &desk.publisher)
        );
    }
    out.push_str("</header>\n");
}

fn overview(out: &mut String, project: &Project, claims: &[Claim]) {
    out.push_str("<section class=\"overview\" aria-label=\"Overview\">\n<div class=\"charts\">\n");
    let verdicts = charts::verdict_bars(project, claims);
    let _ = write!(
        out,
        "<figure>\n<figcaption><strong>Claims by verdict</strong> in the order of the \
         project's scale, best first</figcaption>\n{}</figure>\n",
        charts::bar_chart(
            "chart-verdicts",
            "Claims by verdict",
            ("claim", "claims"),
            &verdicts
        )
    );
    let labels = charts::label_bars(project);
    let _ = write!(
        out,
        "<figure>\n<figcaption><strong>Spans per label</strong> over all articles, in \
         the label colours</figcaption>\n{}</figure>\n",
        charts::bar_chart(
            "chart-labels",
            "Spans per label",
            ("span", "spans"),
            &labels
        )
    );
    out.push_str("</div>\n</section>\n");
}

/// The list of articles, each a link to its section.
fn contents(out: &mut String, project: &Project, claims: &[Claim]) {
    if project.documents().is_empty() {
        out.push_str("<p class=\"empty\">This project has no articles yet.</p>\n");
        return;
    }
    out.push_str("<nav aria-label=\"Articles\">\n<h2>Articles</h2>\n<ol>\n");
    for doc in project.documents() {
        let n = claims.iter().filter(|c| c.document.id == doc.id).count();
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a> <span class=\"muted\">{}, {}</span></li>",
            article::anchor(doc),
            escape(&doc.name),
            count(doc.spans().len(), "span", "spans"),
            count(n, "claim", "claims"),
        );
    }
    out.push_str("</ol>\n</nav>\n");
}
