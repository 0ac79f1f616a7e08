//! Projects on git, through real `git`: `spanmark git-setup` installs the merge driver
//! and the readable diff; two branches edit one project; `git merge` gives one project
//! back with nothing lost and every real conflict named (by the driver, in the file and
//! by `spanmark validate`).

use spanmark::edit::Edit;
use spanmark::model::{CharRange, Label, Project, Span, SpanId};
use std::path::{Path, PathBuf};
use std::process::Command;

const TEXT: &str =
    "Kyiv was hit. [quote|speaker=Ann:We will win], Ann said. [figure:270 drones] fell.";

struct Repo {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn spanmark() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("spanmark"))
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        let repo = Self { _dir: dir, path };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test"]);
        repo.git(&["config", "user.email", "test@example.org"]);
        let out = spanmark()
            .arg("git-setup")
            .arg(&repo.path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let base = spanmark::fixture::project("News", &[("a.txt", TEXT)]);
        repo.save(&base);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "base"]);
        repo
    }

    fn git(&self, args: &[&str]) -> std::process::Output {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.path)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success() || args[0] == "merge",
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn file(&self) -> PathBuf {
        self.path.join("news.ron")
    }

    fn save(&self, project: &Project) {
        spanmark::store::save(project, &self.file()).unwrap();
        let _ = std::fs::remove_file(self.path.join("news.ron.bak"));
    }

    fn load(&self) -> Project {
        spanmark::store::load(&self.file()).unwrap()
    }

    /// Edits the project on a new branch `other` and on `main`, then merges `other`
    /// into `main`. Returns whether git merged cleanly.
    fn merge(&self, theirs: impl FnOnce(&mut Project), ours: impl FnOnce(&mut Project)) -> bool {
        self.git(&["checkout", "-q", "-b", "other"]);
        let mut p = self.load();
        theirs(&mut p);
        self.save(&p);
        self.git(&["commit", "-q", "-am", "theirs"]);
        self.git(&["checkout", "-q", "main"]);
        let mut p = self.load();
        ours(&mut p);
        self.save(&p);
        self.git(&["commit", "-q", "-am", "ours"]);
        self.git(&["merge", "-q", "--no-edit", "other"])
            .status
            .success()
    }
}

fn spans(p: &Project) -> Vec<(String, String)> {
    let doc = &p.documents()[0];
    let mut out: Vec<(String, String)> = doc
        .spans()
        .iter()
        .map(|s| (s.label.clone(), doc.slice(s.range).unwrap().to_owned()))
        .collect();
    out.sort();
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = list
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    out.sort();
    out
}

fn add(p: &mut Project, label: &str, range: (usize, usize)) {
    let doc = p.documents()[0].id;
    let id = p.fresh_ids().span();
    let span = Span::new(id, label, CharRange::new(range.0, range.1));
    Edit::AddSpan { doc, span }.apply(p).unwrap();
}

fn relabel(p: &mut Project, index: usize, label: &str) {
    let doc = p.documents()[0].id;
    let span = p.documents()[0].spans()[index].id;
    Edit::Relabel {
        doc,
        span,
        label: label.into(),
    }
    .apply(p)
    .unwrap();
}

fn validates(path: &Path) -> std::process::Output {
    spanmark().arg("validate").arg(path).output().unwrap()
}

#[test]
fn additions_on_both_branches_merge_into_one_project() {
    let repo = Repo::new();
    // Both take the next id for different spans.
    let clean = repo.merge(|p| add(p, "claim", (0, 13)), |p| add(p, "figure", (0, 4)));
    assert!(clean);
    let merged = repo.load();
    assert_eq!(
        spans(&merged),
        pairs(&[
            ("claim", "Kyiv was hit."),
            ("figure", "Kyiv"),
            ("quote", "We will win"),
            ("figure", "270 drones"),
        ])
    );
    let ids: std::collections::HashSet<SpanId> =
        merged.documents()[0].spans().iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), 4, "unique ids");
    assert!(validates(&repo.file()).status.success());
    // git diff reads per span.
    let log = repo.git(&["log", "-p", "-1", "--format=", "HEAD^2"]);
    let text = String::from_utf8_lossy(&log.stdout);
    assert!(
        text.contains("+  span 3 claim 0..13 \"Kyiv was hit.\""),
        "{text}"
    );
}

#[test]
fn a_deletion_against_an_untouched_span_and_the_same_relabel_merge_cleanly() {
    let repo = Repo::new();
    let clean = repo.merge(
        |p| {
            let doc = p.documents()[0].id;
            let quote = p.documents()[0].spans()[0].id;
            Edit::RemoveSpan { doc, span: quote }.apply(p).unwrap();
            relabel(p, 0, "claim");
        },
        |p| relabel(p, 1, "claim"),
    );
    assert!(clean);
    assert_eq!(spans(&repo.load()), pairs(&[("claim", "270 drones")]));
    assert!(validates(&repo.file()).status.success());
}

#[test]
fn a_conflicting_relabel_is_named_and_both_versions_kept() {
    let repo = Repo::new();
    let clean = repo.merge(|p| relabel(p, 1, "claim"), |p| relabel(p, 1, "quote"));
    assert!(!clean, "git stops at the conflict");
    let merged = repo.load();
    assert_eq!(merged.documents()[0].conflicts().len(), 1);
    let c = &merged.documents()[0].conflicts()[0];
    assert_eq!(c.ours.as_ref().unwrap().label, "quote");
    assert_eq!(c.theirs.as_ref().unwrap().label, "claim");
    let out = validates(&repo.file());
    assert!(!out.status.success());
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("1 merge conflict"), "{text}");
    let raw = std::fs::read_to_string(repo.file()).unwrap();
    assert!(!raw.contains("<<<<<<<"), "no conflict markers in RON");
}

#[test]
fn a_document_added_on_both_branches_and_a_label_on_one_merge_once() {
    let repo = Repo::new();
    let add_doc = |p: &mut Project| {
        let id = p.fresh_ids().doc();
        let doc = spanmark::model::Document::new(id, "b.txt", "Both added this.".into(), "UTF-8");
        Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(doc),
        }
        .apply(p)
        .unwrap();
    };
    let clean = repo.merge(
        |p| {
            add_doc(p);
            let label = Label::new("verdict", "#CC79A7", None, &[]);
            Edit::AddLabel {
                index: usize::MAX,
                label,
            }
            .apply(p)
            .unwrap();
        },
        add_doc,
    );
    assert!(clean);
    let merged = repo.load();
    let names: Vec<&str> = merged.documents().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["a.txt", "b.txt"]);
    assert!(merged.labels.contains("verdict"));
    assert!(validates(&repo.file()).status.success());
}

#[test]
fn diff_lists_spans_per_document() {
    let d = tempfile::tempdir().unwrap();
    let old = spanmark::fixture::project("News", &[("a.txt", TEXT)]);
    let mut new = old.clone();
    relabel(&mut new, 1, "claim");
    spanmark::store::save(&old, &d.path().join("old.ron")).unwrap();
    spanmark::store::save(&new, &d.path().join("new.ron")).unwrap();
    let out = spanmark()
        .arg("diff")
        .arg(d.path().join("old.ron"))
        .arg(d.path().join("new.ron"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, "a.txt:\n  ~ span 2: label figure → claim\n");
}
