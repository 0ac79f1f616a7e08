//! brat standoff: each document as `NAME.txt` (the text) and `NAME.ann` (the
//! annotations), offsets in code points as brat counts them.
//!
//! - `T1<TAB>quote 10 20<TAB>text` per span; a span over a line break is written as
//!   fragments `10 20;21 30` (brat allows no line break inside a fragment), so line
//!   breaks at either end of a span are not kept; a span of nothing but line breaks is
//!   one fragment over them.
//! - `#1<TAB>AnnotatorNotes T1<TAB>note` for notes, and for attributes whose value has
//!   a blank (`speaker: Volodymyr Zelensky`), since brat attribute values are one token.
//! - `A1<TAB>key T1 value` for attributes whose value is one token.
//!
//! On import, a discontinuous span (several fragments) becomes one span per fragment,
//! with a warning; notes of the form `key: value` on a span whose label (in the
//! project importing it) offers that attribute become the attribute.

use super::json::ExportRelation;
use super::json::{ExportDocument, ExportFile, ExportSpan};
use super::report::{Findings, Imported, Skip};
use crate::article::read_article;
use crate::model::{CharRange, LabelSet, OffsetIndex, RelationType, sha256_hex};
use crate::shown::quoted;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use std::fmt::Write;

mod conf;
mod relations;

/// A label as a brat type: brat's types are one token, so blanks become `_`.
fn brat_type(label: &str) -> String {
    label.replace(char::is_whitespace, "_")
}

/// Is `key` = `value` written as an `A` line (both one token), or as a `key: value` note?
fn attribute_line(key: &str, value: &str) -> bool {
    let token = |s: &str| !s.is_empty() && !s.contains(|c: char| c.is_whitespace());
    token(key) && token(value)
}

/// A note on one line as brat keeps it: `\\` for a backslash, `\n`, `\r` and `\t`
/// for line breaks and tabs; [`note_from_line`] reads it back.
fn note_line(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// A note as [`note_line`] wrote it, its escapes undone (other backslashes stay).
fn note_from_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let escaped = match (c, chars.peek()) {
            ('\\', Some('\\')) => Some('\\'),
            ('\\', Some('n')) => Some('\n'),
            ('\\', Some('r')) => Some('\r'),
            ('\\', Some('t')) => Some('\t'),
            _ => None,
        };
        match escaped {
            Some(e) => {
                out.push(e);
                chars.next();
            }
            None => out.push(c),
        }
    }
    out
}

/// The `.ann` text of one exported document. A span whose range is not inside the text
/// (which a verified export never has) is left out.
pub fn ann(doc: &ExportDocument<'_>) -> String {
    let chars: Vec<char> = doc.text.chars().collect();
    let one_line = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let mut out = String::new();
    let mut notes = 0;
    let mut attrs = 0;
    for (n, span) in doc.spans.iter().enumerate() {
        let t = n + 1;
        let Some(covered) = chars.get(span.start..span.end) else {
            continue;
        };
        // Fragments: the span cut at line breaks, blank pieces left out.
        let mut fragments = Vec::new();
        let mut start = span.start;
        for (i, c) in covered.iter().map(Some).chain([None]).enumerate() {
            let i = span.start + i;
            if c.is_none_or(|c| matches!(c, '\n' | '\r')) {
                if i > start {
                    fragments.push((start, i));
                }
                start = i + 1;
            }
        }
        if fragments.is_empty() {
            // Only line breaks: one fragment over them all (brat may frown, but the
            // line stays readable and the span is not lost).
            fragments.push((span.start, span.end));
        }
        let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let text: Vec<String> = fragments
            .iter()
            .map(|(s, e)| one_line(&chars[*s..*e].iter().collect::<String>()))
            .collect();
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "T{t}\t{} {}\t{}",
            brat_type(&span.label),
            offsets.join(";"),
            text.join(" ")
        );
        let mut note_lines: Vec<String> = span.note.iter().map(|n| note_line(n)).collect();
        for (key, value) in span.attributes.iter() {
            // An attribute line holds a one-token key and value; others become notes.
            if attribute_line(key, value) {
                attrs += 1;
                let _ = writeln!(out, "A{attrs}\t{key} T{t} {value}");
            } else {
                note_lines.push(format!("{}: {}", one_line(key), note_line(value)));
            }
        }
        for note in note_lines {
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{t}\t{note}");
        }
    }
    out
}

/// An annotation id from an `.ann` file as a message shows it: as it is when it looks
/// like one (`T12`), else quoted and shortened.
fn shown_id(id: &str) -> String {
    if !id.is_empty() && id.len() <= 24 && id.chars().all(|c| c.is_ascii_alphanumeric()) {
        id.to_owned()
    } else {
        quoted(id)
    }
}

/// Reads an `.ann` file against its text into exported spans (code points), with what
/// was left out and why (unreadable offsets, offsets outside the text, a T line whose
/// text is not the text at its offsets) and remarks (split fragments). `shift` is
/// taken off every offset: 1 when the `.txt` began with a byte order mark, which brat
/// counts as character 0 and spanmark does not keep. Linear in the file: notes and
/// attributes find their span through a map of ids.
pub fn read(
    ann: &str,
    text: &str,
    labels: &LabelSet,
    shift: usize,
) -> (Vec<ExportSpan<'static>>, Findings) {
    let (spans, relations, mut found) = read_with_relations(ann, text, labels, &[], shift);
    if !relations.is_empty() {
        // Counted, so the relations are not dropped unsaid.
        for _ in &relations {
            found.relation_dropped(
                Skip::Unsupported,
                "R lines",
                "relations are read by read_with_relations",
            );
        }
    }
    (spans, found)
}

/// [`read`], with the `R` lines as relations between the spans' ids (types named as
/// the project's `types` name them where one has that brat name).
pub fn read_with_relations(
    ann: &str,
    text: &str,
    labels: &LabelSet,
    types: &[RelationType],
    shift: usize,
) -> (Vec<ExportSpan<'static>>, Vec<ExportRelation>, Findings) {
    let index = OffsetIndex::new(text);
    let mut raw_relations = Vec::new();
    let mut spans: Vec<ExportSpan<'static>> = Vec::new();
    // The span of each text-bound id (the first fragment of a discontinuous one).
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut found = Findings::default();
    for (n, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let at = || format!("line {}", n + 1);
        match line.chars().next() {
            Some('T') if fields.len() >= 2 => {
                let id = fields[0];
                let mut head = fields[1].splitn(2, ' ');
                let label = head.next().unwrap_or_default().to_owned();
                let ranges = head.next().unwrap_or_default();
                let fragments: Vec<Option<(usize, usize)>> = ranges
                    .split(';')
                    .map(|f| {
                        let mut p = f.split_whitespace().map(str::parse::<usize>);
                        let (s, e) = (p.next()?.ok()?, p.next()?.ok()?);
                        // Before the byte order mark: nothing of the text spanmark has.
                        Some((s.checked_sub(shift)?, e.checked_sub(shift)?))
                    })
                    .collect();
                // brat writes the fragments' texts joined by a blank: it must be the
                // text at the offsets, else the offsets mean another text.
                if let (Some(said), Some(at_offsets)) =
                    (fields.get(2), fragment_texts(&fragments, text, &index))
                    && *said != at_offsets
                    // A line break or tab cannot stand in a field: written as a blank.
                    && *said != at_offsets.replace(['\n', '\r', '\t'], " ")
                {
                    let what = format!(
                        "{} says {}, the text has {} at its offsets",
                        shown_id(id),
                        quoted(said),
                        quoted(&at_offsets)
                    );
                    found.dropped(Skip::TextMismatch, &at(), &what);
                    continue;
                }
                // Fragments apart only by line breaks are one span (as spanmark writes a
                // span over a line break); others are split, with a warning.
                let mut joined: Vec<Option<(usize, usize)>> = Vec::new();
                for fragment in fragments {
                    let glued = match (joined.last().copied().flatten(), fragment) {
                        (Some((_, prev_end)), Some((s, e))) if s >= prev_end => index
                            .slice(text, CharRange::new(prev_end, s))
                            .is_some_and(|gap| gap.chars().all(|c| matches!(c, '\r' | '\n')))
                            .then_some((s, e)),
                        _ => None,
                    };
                    match (glued, joined.last_mut()) {
                        (Some((_, e)), Some(Some(last))) => last.1 = e,
                        _ => joined.push(fragment),
                    }
                }
                let fragments = joined;
                if fragments.len() > 1 {
                    let what = format!(
                        "{} is discontinuous; its {} parts became separate spans",
                        shown_id(id),
                        fragments.len()
                    );
                    found.remark(&at(), &what);
                }
                for (part, fragment) in fragments.into_iter().enumerate() {
                    let Some((s, e)) = fragment else {
                        let what = format!("cannot read the offsets of {}", shown_id(id));
                        found.dropped(Skip::Malformed, &at(), &what);
                        continue;
                    };
                    let Some(slice) = index.slice(text, CharRange::new(s, e)).filter(|_| s < e)
                    else {
                        let what = format!("{} {s}..{e} does not fit the text", shown_id(id));
                        found.dropped(Skip::OutOfRange, &at(), &what);
                        continue;
                    };
                    if part == 0 {
                        // A repeated id: notes go to the first span that had it.
                        by_id.entry(id).or_insert(spans.len());
                    }
                    spans.push(span(&label, s, e, slice));
                }
            }
            Some('#') if fields.len() >= 3 => {
                let target = fields[1].split_whitespace().nth(1).unwrap_or_default();
                if let Some(span) = by_id.get(target).map(|&i| &mut spans[i]) {
                    let note = note_from_line(fields[2]);
                    match note.split_once(": ") {
                        Some((key, value))
                            if labels
                                .get(&span.label)
                                .is_some_and(|l| l.field(key).is_some()) =>
                        {
                            span.attributes
                                .to_mut()
                                .insert(key.to_owned(), value.to_owned());
                        }
                        _ => {
                            let joined = match &span.note {
                                Some(old) => format!("{old}\n{note}"),
                                None => note,
                            };
                            span.note = Some(Cow::Owned(joined));
                        }
                    }
                }
            }
            Some('A') if fields.len() >= 2 => {
                let parts: Vec<&str> = fields[1].split_whitespace().collect();
                if let [key, target, rest @ ..] = &parts[..]
                    && let Some(span) = by_id.get(target).map(|&i| &mut spans[i])
                {
                    let value = if rest.is_empty() {
                        "true".to_owned()
                    } else {
                        rest.join(" ")
                    };
                    span.attributes.to_mut().insert((*key).to_owned(), value);
                }
            }
            Some('R') => raw_relations.extend(relations::parse(&fields, at(), &mut found)),
            Some('*') => relations::equivalence(&at(), &mut found),
            _ if line.trim().is_empty() => {}
            _ => found.remark(&at(), "not a line spanmark reads (T, R, # or A); left out"),
        }
    }
    for (i, span) in spans.iter_mut().enumerate() {
        span.id = i as u64 + 1;
    }
    let relations = relations::resolve(
        raw_relations,
        |id| by_id.get(id).copied(),
        types,
        &mut found,
    );
    (spans, relations, found)
}

/// The texts of a T line's fragments joined by a blank, as brat writes them; `None`
/// when a fragment cannot be read or does not fit (reported on its own).
fn fragment_texts(
    fragments: &[Option<(usize, usize)>],
    text: &str,
    index: &OffsetIndex,
) -> Option<String> {
    let parts: Option<Vec<&str>> = fragments
        .iter()
        .map(|f| {
            let (s, e) = (*f)?;
            index.slice(text, CharRange::new(s, e)).filter(|_| s < e)
        })
        .collect();
    Some(parts?.join(" "))
}

fn span(label: &str, start: usize, end: usize, text: &str) -> ExportSpan<'static> {
    ExportSpan::imported(0, label, CharRange::new(start, end), text, None)
}

/// Writes `NAME.txt` and `NAME.ann` for every document into `dir` (made if missing),
/// and brat's `annotation.conf` and `visual.conf` for them; names that repeat get `-2`,
/// `-3`. The error names the file it is about.
pub fn write_files(export: &ExportFile<'_>, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|err| format!("cannot create folder ({err})"))?;
    let mut used = HashSet::new();
    for (i, doc) in export.documents.iter().enumerate() {
        let stem = Path::new(doc.name.as_ref()).file_stem().map_or_else(
            || "document".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let mut name = stem.clone();
        let mut n = 1;
        while !used.insert(name.clone()) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        let mut ann = ann(doc);
        ann.push_str(&relations::lines(doc, export.relations_of(i)));
        for (ext, bytes) in [("txt", doc.text.as_bytes()), ("ann", ann.as_bytes())] {
            write(&dir.join(format!("{name}.{ext}")), bytes)?;
        }
    }
    write(
        &dir.join("annotation.conf"),
        conf::annotation_conf(export).as_bytes(),
    )?;
    write(
        &dir.join("visual.conf"),
        conf::visual_conf(export).as_bytes(),
    )
}

/// Writes one file of the folder; the error names it.
fn write(file: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::store::write_atomic(file, bytes, false).map_err(|err| {
        format!(
            "cannot write ({}): {}",
            crate::shown::io_error(&err),
            file.display()
        )
    })
}

/// Reads an `.ann` file with the `.txt` beside it, or every such pair in a folder
/// (sorted), as an export to merge, with what was left out and why.
pub fn read_files(
    path: &Path,
    labels: &LabelSet,
    types: &[RelationType],
) -> Result<Imported, String> {
    let anns: Vec<PathBuf> = if path.is_dir() {
        let mut list: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot read the folder ({})", crate::shown::io_error(&e)))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ann"))
            .collect();
        list.sort();
        if list.is_empty() {
            return Err("no .ann files in the folder".to_owned());
        }
        list
    } else {
        vec![path.to_path_buf()]
    };
    let mut documents = Vec::new();
    let mut relations = Vec::new();
    let mut found = Findings::default();
    for ann in anns {
        let txt = ann.with_extension("txt");
        let annotations = std::fs::read_to_string(&ann).map_err(|e| {
            format!(
                "cannot read ({}): {}",
                crate::shown::io_error(&e),
                ann.display()
            )
        })?;
        let article = read_article(&txt).map_err(|e| e.to_string())?;
        // brat counts a byte order mark as a character; spanmark's text does not have it.
        let bom = std::fs::read(&txt).is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF"));
        let (spans, links, mut here) =
            read_with_relations(&annotations, &article.text, labels, types, usize::from(bom));
        relations.push(links);
        if bom {
            here.remark(
                &txt.display().to_string(),
                "begins with a byte order mark, which brat counts as a character: every offset was taken one back",
            );
        }
        for problem in &mut here.problems {
            *problem = format!("{}: {problem}", ann.display());
        }
        found.merge(here);
        documents.push(ExportDocument {
            name: Cow::Owned(article.name),
            sha256: Cow::Owned(sha256_hex(&article.text)),
            text: Cow::Owned(article.text),
            spans,
        });
    }
    let mut file = ExportFile::imported(documents);
    file.relations = relations;
    Ok(Imported {
        format: "brat",
        file,
        found,
        predictions: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_over_line_breaks_and_of_line_breaks_come_back() {
        let project = crate::fixture::project(
            "p",
            &[("a.txt", "[quote:one\r\n\r\ntwo][claim:\r\n] [figure:3]")],
        );
        let export = super::super::json::build(&project);
        let ann = ann(&export.documents[0]);
        let (spans, found) = read(&ann, project.documents()[0].text(), &project.labels, 0);
        let problems = found.problems;
        assert!(problems.is_empty(), "{problems:?}\n{ann}");
        let ranges: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(ranges, [(0, 10), (10, 12), (13, 14)]);
    }

    #[test]
    fn notes_and_attributes_find_their_span_and_odd_ids_are_quoted() {
        let text = "Kyiv was hit.";
        let ann = "T1\tclaim 0 4\tKyiv\nT1\tquote 5 8\twas\n#1\tAnnotatorNotes T1\tfirst\n\
                   A1\tConfirmed T1\nT\u{7}\tquote 0 2;3 4\tKy v\n";
        let (spans, found) = read(ann, text, &LabelSet::default(), 0);
        let problems = found.problems;
        assert_eq!(spans[0].note.as_deref(), Some("first"));
        assert_eq!(spans[1].note, None);
        assert_eq!(
            spans[0].attributes.get("Confirmed").map(String::as_str),
            Some("true")
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("\"T\\u{7}\" is discontinuous")),
            "{problems:?}"
        );
    }

    #[test]
    fn attribute_keys_that_are_not_one_token_become_notes() {
        let project = crate::fixture::project("p", &[("a.txt", "[quote|two words=x:Kyiv]")]);
        let export = super::super::json::build(&project);
        let ann = ann(&export.documents[0]);
        assert!(ann.contains("AnnotatorNotes T1\ttwo words: x"), "{ann}");
        assert!(!ann.contains("A1"), "{ann}");
    }
}
