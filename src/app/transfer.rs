//! Files of other tools in the window: importing annotations (read on a thread when
//! large, merged by the session as one undo step, predictions offered as
//! suggestions) and saying what the import did; writing the fact-check desk's files.
//! Span exports are in `files.rs`.

use super::App;
use crate::formats::desk::DeskExport;
use crate::formats::import::{self, ImportFormat, Imported};
use std::path::Path;

/// How many of an import's warnings the message lists before "and N more".
const LISTED_PROBLEMS: usize = 5;

impl App {
    /// Imports the file at `path`: read here, or on a thread (with progress and
    /// Cancel) when it is large; merged by [`App::imported`].
    pub(super) fn import_from(&mut self, format: ImportFormat, path: &Path) {
        let paths = [path.to_path_buf()];
        if super::loading::is_large(&paths, self.background_bytes) {
            self.loading = Some(super::loading::Loading::import(
                format,
                path.to_path_buf(),
                self.session.project().clone(),
                self.load_throttle,
            ));
            return;
        }
        let imported = import::read(format, path, self.session.project(), &Default::default());
        self.imported(path, imported);
    }

    /// Writes a desk file (atomically) and says what it holds and what it left out.
    pub(super) fn export_desk_to(&mut self, export: DeskExport, path: &Path) {
        let file = match export.render(self.session.project()) {
            Ok(file) => file,
            Err(err) => return self.error(format!("{err}: {}", path.display())),
        };
        if let Err(err) = crate::store::write_atomic(path, &file.bytes, false) {
            return self.error(format!(
                "cannot write {} ({err}): {}",
                export.title(),
                path.display()
            ));
        }
        self.info(format!(
            "Exported {}: {}",
            export.count_phrase(file.claims),
            path.display()
        ));
        for note in file.notes {
            self.info(note);
        }
    }

    /// Merges what was read for an import as one undo step, and says what it did.
    pub(super) fn imported(&mut self, path: &Path, imported: Result<Imported, String>) {
        let imported = match imported {
            Ok(imported) => imported,
            Err(err) => return self.error(format!("{err}: {}", path.display())),
        };
        let predictions = imported.predictions.len();
        let report = match self.session.import(imported) {
            Ok(report) => report,
            Err(err) => return self.error(format!("cannot import ({err}): {}", path.display())),
        };
        let problems = report.problems();
        let offered = if predictions > 0 {
            format!(", {predictions} predictions offered as suggestions")
        } else {
            String::new()
        };
        let summary = report.summary();
        let summary = summary.strip_prefix("imported ").unwrap_or(&summary);
        let line = format!("Imported {summary}{offered}: {}", path.display());
        if report.nothing_usable() {
            self.error(line);
        } else {
            self.info(line);
        }
        if !problems.is_empty() {
            let mut text = format!("{} skipped or changed on import:", problems.len());
            for problem in problems.iter().take(LISTED_PROBLEMS) {
                text.push_str("\n• ");
                text.push_str(problem);
            }
            if problems.len() > LISTED_PROBLEMS {
                text.push_str(&format!(
                    "\n… and {} more",
                    problems.len() - LISTED_PROBLEMS
                ));
            }
            self.error(text);
        }
    }
}
