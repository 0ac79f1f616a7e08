//! The commands that change a project (`new`, `add`, `import`, and `suggest --apply`
//! through [`load_for_change`]): each holds the project's lock while it runs (waiting
//! for another command, never for a window), and saves only over the file it read.

use crate::article::read_article;
use crate::formats::import;
use crate::model::Project;
use crate::session::Session;
use crate::store::{self, FileStamp, LockFailure, ProjectLock, StoreError};
use anyhow::{anyhow, bail};
use std::path::{Path, PathBuf};

/// How long a command waits for another command that holds the project's lock.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Takes the lock of the project at `path` for `command`, waiting while another
/// command holds it (saying so after a second); a window holding it is not waited for.
fn lock(path: &Path, command: &str) -> Result<ProjectLock, StoreError> {
    let one_second = std::time::Duration::from_secs(1);
    let note = |holder: &Option<store::Holder>| {
        let who = holder
            .as_ref()
            .map_or("another spanmark".to_owned(), |h| h.to_string());
        eprintln!("note: waiting for {who} to finish: {}", path.display());
    };
    let shown = path.display().to_string();
    ProjectLock::acquire_waiting(
        path,
        &format!("spanmark {command}"),
        LOCK_WAIT,
        one_second,
        note,
    )
    .map_err(|failure| match failure {
        LockFailure::Held(holder) => StoreError::Locked {
            holder: holder.map(Box::new),
            path: shown,
        },
        LockFailure::Io(source) => StoreError::Lock {
            source,
            path: shown,
        },
    })
}

/// Loads the project at `path` for `command`, which will change it through a
/// session: holds the lock until dropped, and gives the stamp
/// [`store::save_expecting`] checks.
pub(super) fn load_for_change(
    path: &Path,
    command: &str,
) -> anyhow::Result<(ProjectLock, Session, FileStamp)> {
    let lock = lock(path, command)?;
    let (project, stamp) = store::load_stamped(path)?;
    Ok((
        lock,
        Session::new(project, Some(path.to_path_buf()), true),
        stamp,
    ))
}

pub(super) fn new(path: &Path, name: Option<String>, articles: &[PathBuf]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        let why = if dir.exists() {
            format!("{} is not a folder", dir.display())
        } else {
            "its folder does not exist".to_owned()
        };
        bail!("cannot create the project ({why}): {}", path.display());
    }
    let _lock = lock(path, "new")?;
    if path.exists() {
        bail!(StoreError::Exists {
            path: path.display().to_string()
        });
    }
    let name = name.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_owned())
    });
    let mut session = Session::new(Project::new(&name), Some(path.to_path_buf()), false);
    let added = add_articles(&mut session, articles, None, Default::default())?;
    store::save_new(session.project(), path)?;
    println!("created {} with {added} documents", path.display());
    Ok(())
}

pub(super) fn add(
    path: &Path,
    articles: &[PathBuf],
    text_column: Option<&str>,
    meta: crate::model::ArticleMeta,
) -> anyhow::Result<()> {
    let (_lock, mut session, stamp) = load_for_change(path, "add")?;
    let added = add_articles(&mut session, articles, text_column, meta)?;
    if session.is_dirty() {
        store::save_expecting(session.project(), path, &stamp)?;
    }
    println!("added {added} documents to {}", path.display());
    Ok(())
}

/// Reads every article first; adds none unless all can be read. Articles whose text the
/// project already has are skipped with a note. Returns how many were added.
fn add_articles(
    session: &mut Session,
    articles: &[PathBuf],
    text_column: Option<&str>,
    meta: crate::model::ArticleMeta,
) -> anyhow::Result<usize> {
    let mut read = Vec::with_capacity(articles.len());
    if let Some(why) = meta.problems().into_iter().next() {
        bail!("{why}");
    }
    if !meta.is_empty() && (articles.len() != 1 || text_column.is_some() || articles[0].is_dir()) {
        bail!(
            "--url, --outlet, --author, --date and --language describe one article file (a corpus gives each row's in its columns)"
        );
    }
    if let Some(column) = text_column {
        for path in articles {
            let corpus = crate::corpus::read(path, column)?;
            for why in &corpus.skipped {
                eprintln!("skipped {why}: {}", path.display());
            }
            read.extend(corpus.articles.into_iter().map(|a| (path.clone(), a)));
        }
        return add_read(session, read);
    }
    for path in articles {
        if path.is_dir() {
            // A folder: every file in it, sorted; what is not text is reported and skipped.
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|err| anyhow!("cannot read folder ({err}): {}", path.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            let before = read.len();
            for file in files {
                match read_article(&file) {
                    Ok(article) => read.push((file, article)),
                    Err(err) => eprintln!("skipped: {err}"),
                }
            }
            if read.len() == before {
                bail!("no text files in the folder: {}", path.display());
            }
        } else {
            let mut article = read_article(path)?;
            article.meta = meta.clone();
            read.push((path.clone(), article));
        }
    }
    add_read(session, read)
}

/// Adds what was read, as one step; names what was already there.
fn add_read(
    session: &mut Session,
    read: Vec<(PathBuf, crate::article::Article)>,
) -> anyhow::Result<usize> {
    let project_path = session.path().map(Path::to_path_buf).unwrap_or_default();
    let added = session.add_articles(read).map_err(|err| {
        anyhow!(
            "cannot add the articles ({err}): {}",
            project_path.display()
        )
    })?;
    for path in &added.skipped {
        eprintln!(
            "skipped (its text is already in the project): {}",
            path.display()
        );
    }
    Ok(added.added)
}

pub(super) fn import_file(
    path: &Path,
    file: &Path,
    format: import::ImportFormat,
    options: &import::ReadOptions,
    coder: Option<&str>,
) -> anyhow::Result<()> {
    let (_lock, mut session, stamp) = load_for_change(path, "import")?;
    session.set_coder(coder);
    let mut imported = import::read(format, file, session.project(), options)
        .map_err(|err| anyhow!("{err}: {}", file.display()))?;
    if !imported.predictions.is_empty() {
        eprintln!(
            "note: {} predictions were not imported as spans (the window offers them as suggestions)",
            imported.predictions.len()
        );
        imported.predictions.clear();
    }
    let report = session
        .import(imported)
        .map_err(|err| anyhow!("cannot import ({err}): {}", file.display()))?;
    for problem in report.problems() {
        eprintln!("warning: {problem}");
    }
    if report.nothing_usable() {
        bail!(
            "nothing imported, every span of the file was left out ({}): {}",
            report.summary(),
            file.display()
        );
    }
    if session.is_dirty() {
        store::save_expecting(session.project(), path, &stamp)?;
    }
    println!("{} into {}", report.summary(), path.display());
    Ok(())
}
