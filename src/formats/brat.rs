//! brat standoff: each document as `NAME.txt` (the text) and `NAME.ann` (the
//! annotations), offsets in code points as brat counts them.
//!
//! - `T1<TAB>quote 10 20<TAB>text` per span; a span over a line break is written as
//!   fragments `10 20;21 30` (brat allows no line break inside a fragment).
//! - `#1<TAB>AnnotatorNotes T1<TAB>note` for notes, and for attributes whose value has
//!   a blank (`speaker: Volodymyr Zelensky`), since brat attribute values are one token.
//! - `A1<TAB>key T1 value` for attributes whose value is one token.
//!
//! On import, a discontinuous span (several fragments) becomes one span per fragment,
//! with a warning; notes of the form `key: value` on a span whose label (in the
//! project importing it) offers that attribute become the attribute.

use super::json::{ExportDocument, ExportFile, ExportSpan};
use crate::article::read_article;
use crate::model::{CharRange, LabelSet, OffsetIndex, sha256_hex};
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use std::fmt::Write;

/// The `.ann` text of one exported document.
pub fn ann(doc: &ExportDocument<'_>) -> String {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = String::new();
    let mut notes = 0;
    let mut attrs = 0;
    for (n, span) in doc.spans.iter().enumerate() {
        let t = n + 1;
        // Fragments: the span cut at line breaks, blank pieces left out.
        let mut fragments = Vec::new();
        let mut start = span.start;
        for (i, c) in chars[span.start..span.end]
            .iter()
            .map(Some)
            .chain([None])
            .enumerate()
        {
            let i = span.start + i;
            if c.is_none_or(|c| matches!(c, '\n' | '\r')) {
                if i > start {
                    fragments.push((start, i));
                }
                start = i + 1;
            }
        }
        let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let text: Vec<String> = fragments
            .iter()
            .map(|(s, e)| chars[*s..*e].iter().collect())
            .collect();
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "T{t}\t{} {}\t{}",
            span.label,
            offsets.join(";"),
            text.join(" ")
        );
        let mut note_lines: Vec<String> = span
            .note
            .iter()
            .map(|n| n.replace(['\n', '\r', '\t'], " "))
            .collect();
        for (key, value) in span.attributes.iter() {
            if value.contains(char::is_whitespace) || value.is_empty() {
                note_lines.push(format!("{key}: {}", value.replace(['\n', '\r', '\t'], " ")));
            } else {
                attrs += 1;
                let _ = writeln!(out, "A{attrs}\t{key} T{t} {value}");
            }
        }
        for note in note_lines {
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{t}\t{note}");
        }
    }
    out
}

/// Reads an `.ann` file against its text into exported spans (code points), with the
/// problems met (skipped lines, split fragments).
pub fn read(ann: &str, text: &str, labels: &LabelSet) -> (Vec<ExportSpan<'static>>, Vec<String>) {
    let index = OffsetIndex::new(text);
    let mut spans: Vec<(String, ExportSpan<'static>)> = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let at = format!("line {}", n + 1);
        match line.chars().next() {
            Some('T') if fields.len() >= 2 => {
                let mut head = fields[1].splitn(2, ' ');
                let label = head.next().unwrap_or_default().to_owned();
                let ranges = head.next().unwrap_or_default();
                let fragments: Vec<Option<(usize, usize)>> = ranges
                    .split(';')
                    .map(|f| {
                        let mut p = f.split_whitespace().map(str::parse::<usize>);
                        Some((p.next()?.ok()?, p.next()?.ok()?))
                    })
                    .collect();
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
                    problems.push(format!(
                        "{at}: {} is discontinuous; its {} parts became separate spans",
                        fields[0],
                        fragments.len()
                    ));
                }
                for (part, fragment) in fragments.into_iter().enumerate() {
                    let Some((s, e)) = fragment else {
                        problems.push(format!(
                            "{at}: cannot read the offsets of {}; skipped",
                            fields[0]
                        ));
                        continue;
                    };
                    let Some(slice) = index.slice(text, CharRange::new(s, e)).filter(|_| s < e)
                    else {
                        problems.push(format!(
                            "{at}: {} {s}..{e} does not fit the text; skipped",
                            fields[0]
                        ));
                        continue;
                    };
                    let id = if part == 0 {
                        fields[0].to_owned()
                    } else {
                        format!("{}#{part}", fields[0])
                    };
                    spans.push((id, span(&label, s, e, slice)));
                }
            }
            Some('#') if fields.len() >= 3 => {
                let target = fields[1].split_whitespace().nth(1).unwrap_or_default();
                if let Some((_, span)) = spans.iter_mut().find(|(id, _)| id == target) {
                    let note = fields[2];
                    match note.split_once(": ") {
                        Some((key, value))
                            if labels
                                .get(&span.label)
                                .is_some_and(|l| l.attributes.iter().any(|a| a == key)) =>
                        {
                            span.attributes
                                .to_mut()
                                .insert(key.to_owned(), value.to_owned());
                        }
                        _ => {
                            let joined = match &span.note {
                                Some(old) => format!("{old}\n{note}"),
                                None => note.to_owned(),
                            };
                            span.note = Some(Cow::Owned(joined));
                        }
                    }
                }
            }
            Some('A') if fields.len() >= 2 => {
                let parts: Vec<&str> = fields[1].split_whitespace().collect();
                if let [key, target, rest @ ..] = &parts[..]
                    && let Some((_, span)) = spans.iter_mut().find(|(id, _)| id == *target)
                {
                    let value = if rest.is_empty() {
                        "true".to_owned()
                    } else {
                        rest.join(" ")
                    };
                    span.attributes.to_mut().insert((*key).to_owned(), value);
                }
            }
            _ if line.trim().is_empty() => {}
            _ => problems.push(format!(
                "{at}: not a line spanmark reads (T, # or A); skipped"
            )),
        }
    }
    let spans = spans
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut s))| {
            s.id = i as u64 + 1;
            s
        })
        .collect();
    (spans, problems)
}

fn span(label: &str, start: usize, end: usize, text: &str) -> ExportSpan<'static> {
    ExportSpan::imported(0, label, CharRange::new(start, end), text, None)
}

/// Writes `NAME.txt` and `NAME.ann` for every document into `dir` (made if missing);
/// names that repeat get `-2`, `-3`. The error names the file it is about.
pub fn write_files(export: &ExportFile<'_>, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|err| format!("cannot create folder ({err})"))?;
    let mut used = HashSet::new();
    for doc in &export.documents {
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
        let ann = ann(doc);
        for (ext, bytes) in [("txt", doc.text.as_bytes()), ("ann", ann.as_bytes())] {
            let file = dir.join(format!("{name}.{ext}"));
            crate::store::write_atomic(&file, bytes, false)
                .map_err(|err| format!("cannot write ({err}): {}", file.display()))?;
        }
    }
    Ok(())
}

/// Reads an `.ann` file with the `.txt` beside it, or every such pair in a folder
/// (sorted), as an export to merge, with the problems met.
pub fn read_files(
    path: &Path,
    labels: &LabelSet,
) -> Result<(ExportFile<'static>, Vec<String>), String> {
    let anns: Vec<PathBuf> = if path.is_dir() {
        let mut list: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| e.to_string())?
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
    let mut problems = Vec::new();
    for ann in anns {
        let txt = ann.with_extension("txt");
        let annotations =
            std::fs::read_to_string(&ann).map_err(|e| format!("{e}: {}", ann.display()))?;
        let article = read_article(&txt).map_err(|e| e.to_string())?;
        let (spans, found) = read(&annotations, &article.text, labels);
        problems.extend(found.into_iter().map(|p| format!("{}: {p}", ann.display())));
        documents.push(ExportDocument {
            name: Cow::Owned(article.name),
            sha256: Cow::Owned(sha256_hex(&article.text)),
            text: Cow::Owned(article.text),
            spans,
        });
    }
    Ok((ExportFile::imported(documents), problems))
}
