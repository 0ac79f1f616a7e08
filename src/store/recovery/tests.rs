//! Recovery slots: one per session, invisible to others while it runs, offered once its
//! session is gone (whatever its age), described against the project file.

use super::*;
use crate::edit::Edit;
use crate::fixture;
use crate::model::{CharRange, Span};

fn project() -> Project {
    fixture::project("P", &[("a.txt", "He said [quote:we will win] today.")])
}

#[test]
fn a_running_sessions_work_is_not_offered_and_a_dead_ones_is() {
    let data = tempfile::tempdir().unwrap();
    let root = data.path().join("recovery");
    let project_file = data.path().join("p.ron");
    crate::store::save(&project(), &project_file).unwrap();
    let info = RecoveryInfo {
        project: Some(project_target(&project_file)),
        base: FileStamp::of(&project_file),
        pid: 1,
        written: "now".into(),
        written_ns: None,
    };
    let a = RecoverySlot::create(&root).unwrap();
    let b = RecoverySlot::create(&root).unwrap();
    a.write(&project(), &info).unwrap();
    b.write(&project(), &info).unwrap();
    assert!(
        find(&root, None, Some(&project_file)).is_empty(),
        "running sessions' work offered"
    );
    // A session killed: its lock goes with it, its files stay.
    drop(a);
    let found = find(&root, None, Some(&project_file));
    assert_eq!(found.len(), 1);
    assert!(!found[0].project_changed_since());
    assert!(
        find(&root, None, None).is_empty(),
        "offered as untitled work"
    );
    // Another program saves the project: the work is still offered, and says so.
    let mut changed = project();
    changed.name = "Changed".into();
    crate::store::save(&changed, &project_file).unwrap();
    let found = find(&root, None, Some(&project_file));
    assert_eq!(found.len(), 1);
    assert!(found[0].project_changed_since());
    let restored = crate::store::load(&found[0].work).unwrap();
    assert_eq!(restored.span_count(), 1);
    found[0].remove();
    assert!(find(&root, None, Some(&project_file)).is_empty());
    // A session that ends cleanly leaves nothing.
    let dir = b.dir().to_path_buf();
    b.close();
    assert!(!dir.exists());
}

#[test]
fn old_recovery_files_beside_the_project_are_offered_too() {
    let data = tempfile::tempdir().unwrap();
    let project_file = data.path().join("p.ron");
    crate::store::save(&project(), &project_file).unwrap();
    crate::store::save(&project(), &data.path().join("p.ron.recovery")).unwrap();
    let found = find(&data.path().join("recovery"), None, Some(&project_file));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].info.base, None);
    found[0].remove();
    assert!(!data.path().join("p.ron.recovery").exists());
}

#[test]
fn changes_are_described_against_the_file() {
    let disk = project();
    let mut work = disk.clone();
    let doc = work.documents()[0].id;
    let old = work.documents()[0].spans()[0].id;
    let id = work.allocate_span_id();
    Edit::Batch(vec![
        Edit::AddSpan {
            doc,
            span: Span::new(id, "figure", CharRange::new(0, 2)),
        },
        Edit::RemoveSpan { doc, span: old },
    ])
    .apply(&mut work)
    .unwrap();
    assert_eq!(
        describe_changes(&work, Some(&disk)),
        "1 span added, 1 removed, 0 changed, in \"a.txt\""
    );
    assert_eq!(
        describe_changes(&disk, Some(&disk)),
        "the same spans as the project file"
    );
    assert_eq!(describe_changes(&work, None), "1 document, 1 span");
}
