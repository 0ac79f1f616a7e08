//! Writing the project file. The layout is fixed and deterministic: two-space indents,
//! one line per label field, one line per span, spans in (start, end, label) order.
//!
//! Written by hand rather than through `ron::ser`, whose per-character string escaping
//! took 0.4 s for 20 MB of text; this writer copies unescaped runs whole. What it writes
//! is plain RON that `ron::from_str` reads back (tests check every code point).

use super::file::{BASE_VERSION, CURRENT_VERSION, FORMAT};
use crate::model::{Project, Status};
use std::fmt::Write;
use std::io::Write as _;

/// The project as RON text.
pub fn to_ron(project: &Project) -> String {
    let text_bytes: usize = project.documents().iter().map(|d| d.text().len()).sum();
    let mut out = String::with_capacity(text_bytes + project.span_count() * 96 + 4096);
    // Writing into a String cannot fail.
    let _ = write_ron(project, &mut out);
    out
}

/// Writes the project as RON to `out` as it goes (a save never holds the whole file).
pub fn write_ron_to(project: &Project, out: impl std::io::Write) -> std::io::Result<()> {
    let mut sink = IoSink {
        out: std::io::BufWriter::with_capacity(1 << 16, out),
        error: None,
    };
    match write_ron(project, &mut sink) {
        Ok(()) => sink.out.flush(),
        Err(_) => Err(sink
            .error
            .unwrap_or_else(|| std::io::Error::other("formatting failed"))),
    }
}

/// `fmt::Write` over an `io::Write`, keeping the I/O error.
struct IoSink<W: std::io::Write> {
    out: std::io::BufWriter<W>,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> std::fmt::Write for IoSink<W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

fn write_ron(project: &Project, out: &mut impl Write) -> std::fmt::Result {
    out.write_str("(\n")?;
    field(out, 1, "format", &quoted(FORMAT))?;
    let version = if project.desk.is_default() {
        BASE_VERSION
    } else {
        CURRENT_VERSION
    };
    field(out, 1, "version", &version.to_string())?;
    field(out, 1, "name", &quoted(&project.name))?;
    out.write_str("  labels: [\n")?;
    for label in project.labels.iter() {
        out.write_str("    (\n")?;
        field(out, 3, "name", &quoted(&label.name))?;
        field(out, 3, "color", &quoted(&label.color))?;
        let key = match label.key {
            Some(key) => format!("Some({})", char_literal(key)),
            None => "None".to_owned(),
        };
        field(out, 3, "key", &key)?;
        let attributes: Vec<String> = label
            .attributes
            .iter()
            .map(|a| {
                let values = a.kind.values();
                if values.is_empty() {
                    format!(
                        "(name: {}, type: {})",
                        quoted(&a.name),
                        quoted(a.kind.name())
                    )
                } else {
                    format!(
                        "(name: {}, type: {}, values: {})",
                        quoted(&a.name),
                        quoted(a.kind.name()),
                        list(values)
                    )
                }
            })
            .collect();
        field(
            out,
            3,
            "attributes",
            &format!("[{}]", attributes.join(", ")),
        )?;
        out.write_str("    ),\n")?;
    }
    out.write_str("  ],\n  relation_types: [\n")?;
    for t in &project.relation_types {
        writeln!(
            out,
            "    (name: {}, from: {}, to: {}),",
            quoted(&t.name),
            list(&t.from),
            list(&t.to)
        )?;
    }
    out.write_str("  ],\n")?;
    field(out, 1, "next_span_id", &project.next_span_id().to_string())?;
    field(
        out,
        1,
        "next_relation_id",
        &project.next_relation_id().to_string(),
    )?;
    let open = match project.open_document {
        Some(id) => format!("Some({id})"),
        None => "None".to_owned(),
    };
    field(out, 1, "open_document", &open)?;
    if let Some(coder) = &project.coder {
        field(out, 1, "coder", &format!("Some({})", quoted(coder)))?;
    }
    if !project.desk.is_default() {
        let desk = &project.desk;
        field(
            out,
            1,
            "desk",
            &format!(
                "(publisher: {}, publisher_url: {}, rated_verdicts: {})",
                quoted(&desk.publisher),
                quoted(&desk.publisher_url),
                desk.rated_verdicts
            ),
        )?;
    }
    out.write_str("  documents: [\n")?;
    for doc in project.documents() {
        out.write_str("    (\n")?;
        field(out, 3, "id", &doc.id.0.to_string())?;
        field(out, 3, "name", &quoted(&doc.name))?;
        let source = match &doc.source {
            Some(source) => format!("Some({})", quoted(source)),
            None => "None".to_owned(),
        };
        field(out, 3, "source", &source)?;
        field(out, 3, "encoding", &quoted(&doc.encoding))?;
        field(out, 3, "status", status_name(doc.status))?;
        if !doc.meta.is_empty() {
            field(out, 3, "meta", &meta(&doc.meta))?;
        }
        field(out, 3, "sha256", &quoted(doc.sha256()))?;
        out.write_str("      text: ")?;
        push_quoted(out, doc.text())?;
        out.write_str(",\n      spans: [\n")?;
        for span in doc.spans() {
            out.write_str("        ")?;
            write_span(out, span)?;
            out.write_str(",\n")?;
        }
        out.write_str("      ],\n")?;
        // Written only when there are any, so files without suggestions stay as they were.
        if doc.rejected().next().is_some() {
            out.write_str("      rejected: [\n")?;
            for (label, range) in doc.rejected() {
                writeln!(
                    out,
                    "        (label: {}, start: {}, end: {}),",
                    quoted(label),
                    range.start.0,
                    range.end.0
                )?;
            }
            out.write_str("      ],\n")?;
        }
        if !doc.conflicts().is_empty() {
            out.write_str("      conflicts: [\n")?;
            for c in doc.conflicts() {
                out.write_str("        (")?;
                for (i, (key, version)) in
                    [("base", &c.base), ("ours", &c.ours), ("theirs", &c.theirs)]
                        .into_iter()
                        .enumerate()
                {
                    if i > 0 {
                        out.write_str(", ")?;
                    }
                    write!(out, "{key}: ")?;
                    match version {
                        Some(span) => {
                            out.write_str("Some(")?;
                            write_span(out, span)?;
                            out.write_char(')')?;
                        }
                        None => out.write_str("None")?,
                    }
                }
                out.write_str("),\n")?;
            }
            out.write_str("      ],\n")?;
        }
        if !doc.relations().is_empty() {
            out.write_str("      relations: [\n")?;
            for r in doc.relations() {
                writeln!(
                    out,
                    "        (id: {}, type: {}, from: {}, to: {}),",
                    r.id,
                    quoted(&r.kind),
                    r.from,
                    r.to
                )?;
            }
            out.write_str("      ],\n")?;
        }
        out.write_str("    ),\n")?;
    }
    out.write_str("  ],\n)\n")
}

fn field(out: &mut impl Write, depth: usize, name: &str, value: &str) -> std::fmt::Result {
    for _ in 0..depth {
        out.write_str("  ")?;
    }
    out.write_str(name)?;
    out.write_str(": ")?;
    out.write_str(value)?;
    out.write_str(",\n")
}

/// `(url: "…", authors: ["…"], …)` with the fields that are set.
fn meta(m: &crate::model::ArticleMeta) -> String {
    let mut parts = Vec::new();
    for (name, value) in [
        ("url", &m.url),
        ("outlet", &m.outlet),
        ("published", &m.published),
        ("language", &m.language),
    ] {
        if let Some(value) = value {
            parts.push(format!("{name}: {}", quoted(value)));
        }
    }
    if !m.authors.is_empty() {
        parts.push(format!("authors: {}", list(&m.authors)));
    }
    if !m.extra.is_empty() {
        let entries: Vec<String> = m
            .extra
            .iter()
            .map(|(k, v)| format!("{}: {}", quoted(k), quoted(v)))
            .collect();
        parts.push(format!("extra: {{{}}}", entries.join(", ")));
    }
    format!("({})", parts.join(", "))
}

/// `["a", "b"]`.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", items.join(", "))
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::New => "New",
        Status::InProgress => "InProgress",
        Status::Done => "Done",
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    // Writing into a String cannot fail.
    let _ = push_quoted(&mut out, text);
    out
}

/// The escape for `c` inside a RON string, or `None` if it stands for itself. Line
/// breaks and tabs are escaped so the file's lines never depend on the article's (and
/// git's line-ending conversion cannot touch the text).
fn escape(c: char) -> Option<String> {
    match c {
        '"' => Some("\\\"".to_owned()),
        '\\' => Some("\\\\".to_owned()),
        '\n' => Some("\\n".to_owned()),
        '\r' => Some("\\r".to_owned()),
        '\t' => Some("\\t".to_owned()),
        c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
            Some(format!("\\u{{{:x}}}", u32::from(c)))
        }
        _ => None,
    }
}

/// Appends `text` as a RON string literal, copying runs that need no escape whole.
fn push_quoted(out: &mut impl Write, text: &str) -> std::fmt::Result {
    out.write_char('"')?;
    let mut run_start = 0;
    for (at, c) in text.char_indices() {
        // Only ASCII controls, quotes, backslashes and a few format characters are
        // escaped; checking the cheap ASCII cases first keeps the common path short.
        let needs = if c.is_ascii() {
            c < ' ' || c == '"' || c == '\\' || c == '\u{7f}'
        } else {
            escape(c).is_some()
        };
        if needs {
            out.write_str(&text[run_start..at])?;
            if let Some(escaped) = escape(c) {
                out.write_str(&escaped)?;
            }
            run_start = at + c.len_utf8();
        }
    }
    out.write_str(&text[run_start..])?;
    out.write_char('"')
}

fn char_literal(c: char) -> String {
    match c {
        '\'' => "'\\''".to_owned(),
        '"' => "'\"'".to_owned(),
        c => match escape(c) {
            Some(escaped) => format!("'{escaped}'"),
            None => format!("'{c}'"),
        },
    }
}

/// One span as `(id: 7, label: "quote", start: 120, end: 137, …)`.
fn write_span(out: &mut impl std::fmt::Write, span: &crate::model::Span) -> std::fmt::Result {
    write!(
        out,
        "(id: {}, label: {}, start: {}, end: {}",
        span.id.0,
        quoted(&span.label),
        span.range.start.0,
        span.range.end.0
    )?;
    if let Some(note) = &span.note {
        out.write_str(", note: Some(")?;
        push_quoted(out, note)?;
        out.write_char(')')?;
    }
    if !span.attributes.is_empty() {
        out.write_str(", attributes: {")?;
        for (i, (key, value)) in span.attributes.iter().enumerate() {
            if i > 0 {
                out.write_str(", ")?;
            }
            push_quoted(out, key)?;
            out.write_str(": ")?;
            push_quoted(out, value)?;
        }
        out.write_char('}')?;
    }
    if let Some(p) = &span.provenance {
        write_provenance(out, p)?;
    }
    out.write_char(')')
}

/// `, provenance: Some((who: "ann", when: "…", how: Manual))`.
fn write_provenance(
    out: &mut impl std::fmt::Write,
    p: &crate::model::Provenance,
) -> std::fmt::Result {
    use crate::model::How;
    out.write_str(", provenance: Some((who: ")?;
    push_quoted(out, &p.who)?;
    out.write_str(", when: ")?;
    push_quoted(out, &p.when)?;
    out.write_str(", how: ")?;
    match &p.how {
        How::Manual => out.write_str("Manual")?,
        How::Suggested { rule, confidence } => {
            out.write_str("Suggested(rule: ")?;
            push_quoted(out, rule)?;
            // A float RON reads as one: `1.0`, not `1`.
            write!(out, ", confidence: {:?})", confidence.as_f64())?;
        }
        How::Imported { format } => {
            out.write_str("Imported(format: ")?;
            push_quoted(out, format)?;
            out.write_char(')')?;
        }
        How::Adjudicated { coders } => {
            out.write_str("Adjudicated(coders: [")?;
            for (i, coder) in coders.iter().enumerate() {
                if i > 0 {
                    out.write_str(", ")?;
                }
                push_quoted(out, coder)?;
            }
            out.write_str("])")?;
        }
    }
    out.write_str("))")
}
