//! One article's section of the report: its name, status and spans per label, where it
//! comes from (outlet, authors, date, address, language and the corpus's other
//! fields), the table of its claims (text, check, claimant, sources, figures), its
//! quotes grouped by speaker, and its figures with their values. The article's own
//! words are marked with its language.

use super::charts::{NO_VERDICT, label_color, verdict_color};
use super::html::{escape, lang_attribute, link_or_text};
use crate::model::claims::{self, Claim};
use crate::model::schema::FIGURE_VALUE;
use crate::model::stats::{NO_SPEAKER, SPEAKER, speaker_of};
use crate::model::{Document, Project, Span, value};
use std::fmt::Write as _;

/// The section's id: `doc-3`.
pub(crate) fn anchor(doc: &Document) -> String {
    format!("doc-{}", doc.id)
}

/// The document's quotes: spans of labels offering a speaker (or named `quote`).
pub(crate) fn quotes<'a>(project: &Project, doc: &'a Document) -> Vec<&'a Span> {
    let quote_labels: Vec<&str> = project
        .labels
        .iter()
        .filter(|l| l.name == "quote" || l.field(SPEAKER).is_some())
        .map(|l| l.name.as_str())
        .collect();
    doc.spans()
        .iter()
        .filter(|s| quote_labels.contains(&s.label.as_str()))
        .collect()
}

/// The document's figures: spans of labels offering a value (or named `figure`).
pub(crate) fn figures<'a>(project: &Project, doc: &'a Document) -> Vec<&'a Span> {
    let figure_labels: Vec<&str> = project
        .labels
        .iter()
        .filter(|l| l.name == "figure" || claims::is_figure_label(l))
        .map(|l| l.name.as_str())
        .collect();
    doc.spans()
        .iter()
        .filter(|s| figure_labels.contains(&s.label.as_str()))
        .collect()
}

/// The quotes grouped by speaker, speakers in order of their first quote, the quotes
/// without a speaker (`None`) last.
fn by_speaker<'a>(quotes: &[&'a Span]) -> Vec<(Option<&'a str>, Vec<&'a Span>)> {
    let mut groups: Vec<(Option<&str>, Vec<&Span>)> = Vec::new();
    let mut without = Vec::new();
    for &span in quotes {
        match speaker_of(span) {
            Some(name) => match groups.iter_mut().find(|(n, _)| *n == Some(name)) {
                Some((_, spans)) => spans.push(span),
                None => groups.push((Some(name), vec![span])),
            },
            None => without.push(span),
        }
    }
    if !without.is_empty() {
        groups.push((None, without));
    }
    groups
}

/// A figure's value for people (`10,000,000,000 EUR`) and its kind (`money`); the
/// value as written when it does not read (kind empty), empty when it has none.
fn value_and_kind(span: &Span) -> (String, String) {
    let written = span.attributes.get(FIGURE_VALUE).map_or("", String::as_str);
    match value::read(written) {
        Some(v) => {
            let kind = v.kind.name();
            let shown = value::display(&v);
            let shown = shown
                .strip_suffix(&format!(" ({kind})"))
                .map_or(shown.clone(), str::to_owned);
            (shown, kind.to_owned())
        }
        None => (written.to_owned(), String::new()),
    }
}

pub(crate) fn write(out: &mut String, project: &Project, doc: &Document, claims: &[&Claim]) {
    let lang = lang_attribute(doc.meta.language.as_deref());
    let _ = write!(
        out,
        "<article id=\"{}\">\n<h2>{}</h2>\n<p class=\"status\">Status: {} · ",
        anchor(doc),
        escape(&doc.name),
        escape(doc.status.as_str()),
    );
    let counts: Vec<String> = project
        .labels
        .iter()
        .map(|l| {
            format!(
                "<span class=\"chip\"><span class=\"swatch\" style=\"background:{}\"></span>{} \
                 <strong>{}</strong></span>",
                label_color(l),
                escape(&l.name),
                doc.count_label(&l.name)
            )
        })
        .collect();
    let _ = writeln!(out, "{}</p>", counts.join(" "));
    source(out, doc);
    claims_table(out, claims, project, &lang);
    quotes_section(out, &quotes(project, doc), doc, &lang);
    figures_table(out, &figures(project, doc), doc, &lang);
    out.push_str("</article>\n");
}

fn source(out: &mut String, doc: &Document) {
    let meta = &doc.meta;
    if meta.is_empty() {
        out.push_str("<p class=\"empty source\">Source not recorded.</p>\n");
        return;
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    if let Some(outlet) = &meta.outlet {
        rows.push(("Outlet".into(), escape(outlet)));
    }
    if !meta.authors.is_empty() {
        let name = if meta.authors.len() == 1 {
            "Author"
        } else {
            "Authors"
        };
        rows.push((name.into(), escape(&meta.authors.join(", "))));
    }
    if let Some(date) = &meta.published {
        rows.push(("Published".into(), format!("<time>{}</time>", escape(date))));
    }
    if let Some(url) = &meta.url {
        rows.push(("Address".into(), link_or_text(url, "")));
    }
    if let Some(language) = &meta.language {
        rows.push(("Language".into(), escape(language)));
    }
    for (key, value) in &meta.extra {
        rows.push((escape(key), escape(value)));
    }
    out.push_str("<dl class=\"source\">\n");
    for (name, value) in rows {
        let _ = writeln!(out, "<div><dt>{name}</dt><dd>{value}</dd></div>");
    }
    out.push_str("</dl>\n");
}

fn claims_table(out: &mut String, claims: &[&Claim], project: &Project, lang: &str) {
    let _ = writeln!(
        out,
        "<h3>Claims <span class=\"n\">{}</span></h3>",
        claims.len()
    );
    if claims.is_empty() {
        out.push_str("<p class=\"empty\">No claims tagged.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"claims\">\n<colgroup><col class=\"text\"><col class=\"check\">\
         <col class=\"claimant\"><col class=\"sources\"><col class=\"figures\"></colgroup>\n<thead><tr><th scope=\"col\">Claim</th>\
         <th scope=\"col\">Check</th><th scope=\"col\">Claimant</th>\
         <th scope=\"col\">Sources</th><th scope=\"col\">Figures</th></tr></thead>\n<tbody>\n",
    );
    for claim in claims {
        let verdict = claim.verdict();
        let _ = write!(
            out,
            "<tr><td class=\"text\"{lang}>{}</td><td class=\"check\">\
             <span class=\"verdict{}\"><span class=\"swatch\" style=\"background:{}\"></span>{}</span>\
             <span class=\"claim-status\">{}",
            escape(claim.text),
            if verdict.is_empty() { " none" } else { "" },
            verdict_color(project, verdict),
            escape(if verdict.is_empty() {
                NO_VERDICT
            } else {
                verdict
            }),
            escape(claim.status()),
        );
        // When it was checked, linking to the published check.
        match (claim.reviewed(), claim.review_url()) {
            ("", "") => {}
            ("", url) => {
                let _ = write!(out, " · {}", link_or_text(url, "published check"));
            }
            (date, url) => {
                let _ = write!(out, " {}", link_or_text(url, date));
            }
        }
        out.push_str("</span>");
        let _ = write!(out, "</td><td>{}", escape(claim.claimant()));
        if !claim.claim_type().is_empty() {
            let _ = write!(
                out,
                "<span class=\"type\">{}</span>",
                escape(claim.claim_type())
            );
        }
        out.push_str("</td><td>");
        let sources = claim.sources();
        if !sources.is_empty() {
            out.push_str("<ul class=\"sources\">");
            for s in &sources {
                let _ = write!(out, "<li>{}</li>", link_or_text(&s.url, &s.note));
            }
            out.push_str("</ul>");
        }
        out.push_str("</td><td>");
        if !claim.figures.is_empty() {
            out.push_str("<ul class=\"figures\">");
            for f in &claim.figures {
                let (value, _) = value_and_kind(f.span);
                let _ = write!(
                    out,
                    "<li><span{lang}>{}</span>{}{}</li>",
                    escape(f.text),
                    if value.is_empty() {
                        String::new()
                    } else {
                        format!("<span class=\"value\">{}</span>", escape(&value))
                    },
                    if f.linked {
                        " <span class=\"muted\">(linked)</span>"
                    } else {
                        ""
                    }
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn quotes_section(out: &mut String, quotes: &[&Span], doc: &Document, lang: &str) {
    let _ = writeln!(
        out,
        "<h3>Quotes by speaker <span class=\"n\">{}</span></h3>",
        quotes.len()
    );
    if quotes.is_empty() {
        out.push_str("<p class=\"empty\">No quotes tagged.</p>\n");
        return;
    }
    out.push_str("<div class=\"speakers\">\n");
    for (speaker, spans) in by_speaker(quotes) {
        let (class, speaker) = match speaker {
            Some(name) => ("", name),
            None => (" class=\"none\"", NO_SPEAKER),
        };
        let _ = write!(
            out,
            "<section>\n<h4{class}>{} <span class=\"n\">{}</span></h4>\n<ul class=\"quotes\">\n",
            escape(speaker),
            spans.len()
        );
        for span in spans {
            let _ = writeln!(
                out,
                "<li{lang}>{}</li>",
                escape(doc.slice(span.range).unwrap_or(""))
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</div>\n");
}

fn figures_table(out: &mut String, figures: &[&Span], doc: &Document, lang: &str) {
    let _ = writeln!(
        out,
        "<h3>Figures <span class=\"n\">{}</span></h3>",
        figures.len()
    );
    if figures.is_empty() {
        out.push_str("<p class=\"empty\">No figures tagged.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"figures\">\n<thead><tr><th scope=\"col\">As written</th>\
         <th scope=\"col\">Kind</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n",
    );
    for span in figures {
        let (value, value_kind) = value_and_kind(span);
        let kind = match span.attributes.get("kind") {
            Some(kind) if !kind.is_empty() => kind.as_str(),
            _ => value_kind.as_str(),
        };
        let _ = writeln!(
            out,
            "<tr><td{lang}>{}</td><td>{}</td><td class=\"value\">{}</td></tr>",
            escape(doc.slice(span.range).unwrap_or("")),
            escape(kind),
            escape(&value),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}
