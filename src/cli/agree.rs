//! `spanmark agree`: the agreement of coders' project files as a table, JSON or CSV.

use crate::agree::f1::Counts;
use crate::agree::study::{self, Agreement, Figures, PairF1, Scope};
use anyhow::bail;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;

/// How `agree` writes its figures.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Output {
    /// Aligned text for reading.
    Table,
    Json,
    /// One figure per row (scope, document, label, measure, coders, value, counts).
    Csv,
}

pub(super) fn run(files: &[PathBuf], labels: &[String], output: Output) -> anyhow::Result<()> {
    if files.len() < 2 {
        bail!("agreement needs the files of at least two coders");
    }
    let projects = super::team::load_coders(files)?;
    let coders = super::team::coders(&projects);
    let result = study::agree(&coders, labels);
    if result.documents.is_empty() {
        bail!("the files share no document (documents are matched by their text)");
    }
    let text = match output {
        Output::Table => table(&result),
        Output::Json => {
            let mut text = serde_json::to_string_pretty(&to_json(&result))?;
            text.push('\n');
            text
        }
        Output::Csv => csv(&result)?,
    };
    print!("{text}");
    Ok(())
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"))
}

fn counts(c: Counts) -> String {
    format!("{}/{}/{}", c.tp, c.fp, c.fn_)
}

fn table(r: &Agreement) -> String {
    let mut out = String::new();
    let shared = r.documents.len();
    let _ = writeln!(
        out,
        "{} coders: {}. {shared} documents shared by at least two; α_u over the {} every coder has.",
        r.coders.len(),
        r.coders.join(", "),
        r.alpha_documents
    );
    let mut rows = vec![vec![
        "label".to_owned(),
        format!("spans ({})", r.coders.join("/")),
        "exact F1".to_owned(),
        "TP/FP/FN".to_owned(),
        "overlap F1".to_owned(),
        "TP/FP/FN".to_owned(),
        "α_u".to_owned(),
    ]];
    let scope_rows = |scope: &Scope, rows: &mut Vec<Vec<String>>| {
        for (label, f) in scope
            .labels
            .iter()
            .map(|(l, f)| (l.as_str(), f))
            .chain([("all", &scope.all)])
        {
            rows.push(figure_row(label, f));
        }
    };
    scope_rows(&r.overall, &mut rows);
    out += &crate::shown::table(&rows, usize::MAX);
    if r.coders.len() > 2 {
        out += "\npairs (exact F1 / overlap F1, all labels):\n";
        let mut rows = vec![vec![
            "coders".to_owned(),
            "exact F1".to_owned(),
            "overlap F1".to_owned(),
        ]];
        for (pair, c) in &r.overall.all.exact.pairs {
            let overlap = r
                .overall
                .all
                .overlap
                .pairs
                .get(pair)
                .copied()
                .unwrap_or_default();
            rows.push(vec![
                format!("{} – {}", r.coders[pair.0], r.coders[pair.1]),
                number(c.f1()),
                number(overlap.f1()),
            ]);
        }
        out += &crate::shown::table(&rows, usize::MAX);
    }
    out += "\nper document (all labels):\n";
    let mut rows = vec![vec![
        "document".to_owned(),
        "coders".to_owned(),
        "exact F1".to_owned(),
        "overlap F1".to_owned(),
        "α_u".to_owned(),
    ]];
    for d in &r.documents {
        let who: Vec<&str> = d.coders.iter().map(|k| r.coders[*k].as_str()).collect();
        let f = &d.figures.all;
        rows.push(vec![
            d.name.clone(),
            who.join(", "),
            number(f.exact.mean()),
            number(f.overlap.mean()),
            number(f.alpha),
        ]);
    }
    out += &crate::shown::table(&rows, usize::MAX);
    for (kind, p) in &r.links {
        let t = p.total();
        let _ = writeln!(
            out,
            "\nlinks {kind} (same type and ends): exact F1 {} ({} agreed, {} one-sided)",
            number(p.mean()),
            t.tp,
            t.fp + t.fn_
        );
    }
    for (key, p) in &r.attributes {
        let _ = writeln!(
            out,
            "\nattribute {key} on exactly matched spans: {} of {} agree ({})",
            p.agree,
            p.total,
            p.share()
                .map_or("n/a".to_owned(), |s| format!("{:.1}%", 100.0 * s))
        );
    }
    out += &notes(r)
        .iter()
        .map(|n| format!("\nnote: {n}"))
        .collect::<String>();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn figure_row(label: &str, f: &Figures) -> Vec<String> {
    vec![
        label.to_owned(),
        f.spans
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("/"),
        number(f.exact.mean()),
        counts(f.exact.total()),
        number(f.overlap.mean()),
        counts(f.overlap.total()),
        number(f.alpha),
    ]
}

/// What the figures leave out or count in a way of their own.
fn notes(r: &Agreement) -> Vec<String> {
    let mut notes = Vec::new();
    for (doc, coder) in &r.alone {
        notes.push(format!("only {coder} has {doc}; not compared"));
    }
    for (doc, coder) in &r.other_text {
        notes.push(format!(
            "{coder}'s {doc} has a text no other coder has under that name; not compared"
        ));
    }
    for (coder, label) in &r.missing_labels {
        notes.push(format!("{coder}'s project has no label {label}"));
    }
    if r.merged_for_alpha > 0 {
        notes.push(format!(
            "{} spans overlapped another of the same coder and label and were merged into one unit for α_u (F1 counts them as they are)",
            r.merged_for_alpha
        ));
    }
    notes.push("overlap F1 pairs spans of one label that share a code point, one to one, longest shared length first".to_owned());
    notes
}

fn pairs_json(r: &Agreement, p: &PairF1) -> Value {
    let pairs: Vec<Value> = p
        .pairs
        .iter()
        .map(|(pair, c)| {
            json!({
                "coders": [r.coders[pair.0], r.coders[pair.1]],
                "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_,
            })
        })
        .collect();
    let t = p.total();
    json!({"mean_f1": p.mean(), "tp": t.tp, "fp": t.fp, "fn": t.fn_, "pairs": pairs})
}

fn figures_json(r: &Agreement, f: &Figures) -> Value {
    json!({
        "spans": f.spans,
        "exact": pairs_json(r, &f.exact),
        "overlap": pairs_json(r, &f.overlap),
        "alpha_u": f.alpha,
    })
}

fn scope_json(r: &Agreement, s: &Scope) -> Value {
    let labels: serde_json::Map<String, Value> = s
        .labels
        .iter()
        .map(|(l, f)| (l.clone(), figures_json(r, f)))
        .collect();
    json!({"labels": labels, "all": figures_json(r, &s.all)})
}

fn to_json(r: &Agreement) -> Value {
    let documents: Vec<Value> = r
        .documents
        .iter()
        .map(|d| {
            let mut v = scope_json(r, &d.figures);
            v["document"] = json!(d.name);
            v["sha256"] = json!(d.sha256);
            v["coders"] = json!(d.coders.iter().map(|k| &r.coders[*k]).collect::<Vec<_>>());
            v
        })
        .collect();
    let attributes: serde_json::Map<String, Value> = r
        .attributes
        .iter()
        .map(|(k, p)| {
            (
                k.clone(),
                json!({"agree": p.agree, "total": p.total, "share": p.share()}),
            )
        })
        .collect();
    json!({
        "coders": r.coders,
        "labels": r.labels,
        "offsets": "code points",
        "alpha_documents": r.alpha_documents,
        "overall": scope_json(r, &r.overall),
        "documents": documents,
        "attributes": attributes,
        "links": r.links.iter().map(|(kind, p)| {
            let t = p.total();
            (kind.clone(), json!({"exact_f1": p.mean(), "tp": t.tp, "fp": t.fp, "fn": t.fn_}))
        }).collect::<serde_json::Map<String, Value>>(),
        "notes": notes(r),
    })
}

fn csv(r: &Agreement) -> anyhow::Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record([
        "scope", "document", "label", "measure", "coder_a", "coder_b", "value", "tp", "fp", "fn",
    ])?;
    let scope =
        |w: &mut ::csv::Writer<Vec<u8>>, name: &str, doc: &str, s: &Scope| -> anyhow::Result<()> {
            for (label, f) in s
                .labels
                .iter()
                .map(|(l, f)| (l.as_str(), f))
                .chain([("all", &s.all)])
            {
                for (measure, p) in [("exact_f1", &f.exact), ("overlap_f1", &f.overlap)] {
                    for (pair, c) in &p.pairs {
                        w.write_record([
                            name,
                            doc,
                            label,
                            measure,
                            &r.coders[pair.0],
                            &r.coders[pair.1],
                            &c.f1().map(|v| v.to_string()).unwrap_or_default(),
                            &c.tp.to_string(),
                            &c.fp.to_string(),
                            &c.fn_.to_string(),
                        ])?;
                    }
                    let t = p.total();
                    w.write_record([
                        name,
                        doc,
                        label,
                        &format!("{measure}_mean"),
                        "",
                        "",
                        &p.mean().map(|v| v.to_string()).unwrap_or_default(),
                        &t.tp.to_string(),
                        &t.fp.to_string(),
                        &t.fn_.to_string(),
                    ])?;
                }
                w.write_record([
                    name,
                    doc,
                    label,
                    "alpha_u",
                    "",
                    "",
                    &f.alpha.map(|v| v.to_string()).unwrap_or_default(),
                    "",
                    "",
                    "",
                ])?;
            }
            Ok(())
        };
    scope(&mut w, "all", "", &r.overall)?;
    for d in &r.documents {
        scope(&mut w, "document", &d.name, &d.figures)?;
    }
    for (kind, p) in &r.links {
        for (pair, c) in &p.pairs {
            w.write_record([
                "all",
                "",
                kind,
                "link_exact_f1",
                &r.coders[pair.0],
                &r.coders[pair.1],
                &c.f1().map(|v| v.to_string()).unwrap_or_default(),
                &c.tp.to_string(),
                &c.fp.to_string(),
                &c.fn_.to_string(),
            ])?;
        }
    }
    for (key, p) in &r.attributes {
        w.write_record([
            "all",
            "",
            "",
            &format!("attribute:{key}"),
            "",
            "",
            &p.share().map(|v| v.to_string()).unwrap_or_default(),
            &p.agree.to_string(),
            "",
            &(p.total - p.agree).to_string(),
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
