//! Projects on git: `merge-driver` (git's three-way merge of a project file, through
//! [`crate::merge3`]), `git-setup` (the `.gitattributes` line and the `git config`
//! entries that install it and the readable diff), `diff` (what changed between two
//! project files, per document) and `textconv` (a project file as one line per span,
//! for `git diff`).

use crate::diff::diff;
use crate::merge3::merge;
use crate::store;
use anyhow::{anyhow, bail};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// git's merge: `base` (%O), `ours` (%A, where the result goes), `theirs` (%B), `name`
/// (%P, for messages). Exit 0 when clean; 1 with the conflicts kept in the file.
pub(super) fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: &str,
) -> anyhow::Result<ExitCode> {
    let load = |path: &Path, which: &str| {
        store::load(path)
            .map_err(|err| anyhow!("cannot merge {name}: {which} does not load ({err})"))
    };
    let (b, o, t) = (
        load(base, "the common version")?,
        load(ours, "ours")?,
        load(theirs, "theirs")?,
    );
    let merged = merge(&b, &o, &t).map_err(|err| anyhow!("cannot merge {name} ({err})"))?;
    // git's own file for the result: replaced whole, no backup beside it.
    let ron = store::to_ron(&merged.project);
    store::write_atomic(ours, ron.as_bytes(), false)
        .map_err(|err| anyhow!("cannot write the merge ({err}): {}", ours.display()))?;
    for (doc, old, new) in &merged.renumbered {
        eprintln!("spanmark: {name}: {doc}: their span {old} is span {new} here");
    }
    for (doc, r) in &merged.dropped {
        eprintln!(
            "spanmark: {name}: {doc}: the {} link from span {} to span {} went, as the other branch removed an end",
            r.kind, r.from, r.to
        );
    }
    if merged.conflicts.is_empty() {
        eprintln!("spanmark: merged {name}");
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "spanmark: {name}: {} spans were changed differently on the two branches; both versions are kept in the file (spanmark validate {name} lists them)",
        merged.conflicts.len()
    );
    Ok(ExitCode::FAILURE)
}

/// Installs the merge driver and the readable diff in the repository at `repo`.
pub(super) fn git_setup(repo: &Path) -> anyhow::Result<()> {
    let exe = std::env::current_exe()
        .map_err(|err| anyhow!("cannot tell where this spanmark is ({err})"))?;
    let exe = exe.display().to_string();
    let quoted = format!("'{}'", exe.replace('\'', r"'\''"));
    let entries = [
        ("merge.spanmark.name", "spanmark project merge".to_owned()),
        (
            "merge.spanmark.driver",
            format!("{quoted} merge-driver %O %A %B %P"),
        ),
        ("diff.spanmark.textconv", format!("{quoted} textconv")),
    ];
    for (key, value) in &entries {
        let status = std::process::Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(["config", key, value])
            .status()
            .map_err(|err| anyhow!("cannot run git ({err})"))?;
        if !status.success() {
            bail!("git config {key} failed: {}", repo.display());
        }
    }
    let attributes = repo.join(".gitattributes");
    let line = "*.ron merge=spanmark diff=spanmark";
    let before = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => bail!("cannot read ({err}): {}", attributes.display()),
    };
    if !before.lines().any(|l| l.trim() == line) {
        let mut after = before;
        if !after.is_empty() && !after.ends_with('\n') {
            after.push('\n');
        }
        after.push_str(line);
        after.push('\n');
        store::write_atomic(&attributes, after.as_bytes(), false)
            .map_err(|err| anyhow!("cannot write ({err}): {}", attributes.display()))?;
    }
    println!(
        "set up {}: project files merge with spanmark merge-driver and diff per span (commit .gitattributes to share the first line with your team)",
        repo.display()
    );
    Ok(())
}

/// What changed from `old` to `new`.
pub(super) fn run_diff(old: &Path, new: &Path) -> anyhow::Result<()> {
    let (a, b) = (store::load(old)?, store::load(new)?);
    let d = diff(&a, &b);
    if d.is_empty() {
        println!("no changes");
    } else {
        print!("{}", d.render());
    }
    Ok(())
}

/// A project file as one line per label and per span, grouped by document, for git's
/// line diff.
pub(super) fn textconv(path: &Path) -> anyhow::Result<()> {
    let project = store::load(path)?;
    let mut out = String::new();
    let _ = writeln!(out, "project {}", crate::shown::quoted(&project.name));
    for label in project.labels.iter() {
        let _ = write!(out, "label {} {}", label.name, label.color);
        if !label.attributes.is_empty() {
            let fields = crate::model::schema::describe_fields(&label.attributes);
            let _ = write!(out, " ({fields})");
        }
        out.push('\n');
    }
    for t in &project.relation_types {
        let ends = |l: &[String]| {
            if l.is_empty() {
                "any".to_owned()
            } else {
                l.join("|")
            }
        };
        let _ = writeln!(
            out,
            "relation type {} {} -> {}",
            t.name,
            ends(&t.from),
            ends(&t.to)
        );
    }
    for doc in project.documents() {
        let _ = writeln!(
            out,
            "document {} ({})",
            crate::shown::quoted(&doc.name),
            doc.status.as_str()
        );
        for span in doc.spans() {
            let text = doc.slice(span.range).unwrap_or("");
            let _ = write!(
                out,
                "  span {} {} {} {}",
                span.id,
                span.label,
                span.range,
                crate::shown::quoted(text)
            );
            for (key, value) in span.attributes.iter() {
                let _ = write!(out, " {key}={}", crate::shown::quoted(value));
            }
            if let Some(note) = &span.note {
                let _ = write!(out, " note={}", crate::shown::quoted(note));
            }
            out.push('\n');
        }
        for r in doc.relations() {
            let _ = writeln!(out, "  link {} {} {} -> {}", r.id, r.kind, r.from, r.to);
        }
        for (i, _) in doc.conflicts().iter().enumerate() {
            let _ = writeln!(out, "  merge conflict {} to settle", i + 1);
        }
    }
    print!("{out}");
    Ok(())
}
