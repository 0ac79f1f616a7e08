//! File dialogs. The native ones go through rfd (xdg portal, then zenity); where
//! neither exists rfd returns at once exactly as on Cancel, so the app tells the two
//! apart and offers its own path field instead. Tests use [`NoDialogs`], which always
//! sends the user to that path field.

use crate::formats::ExportFormat;
use crate::formats::desk::DeskExport;
use crate::formats::import::ImportFormat;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Debug, PartialEq, Eq)]
pub enum Picked {
    Paths(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown on this system.
    Unavailable,
}

/// What the user is choosing a file for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    OpenArticles,
    OpenProject,
    /// Coders' project files, added as read-only layers.
    AddLayers,
    SaveProject,
    /// A file, or a folder for a folder format (brat).
    Export(ExportFormat),
    /// A fact-check desk file (claims CSV, ClaimReview).
    ExportDesk(DeskExport),
    Import(ImportFormat),
}

impl Purpose {
    pub fn title(self) -> String {
        match self {
            Purpose::OpenArticles => "Open articles".to_owned(),
            Purpose::OpenProject => "Open project".to_owned(),
            Purpose::AddLayers => "Add coders' files (read-only layers)".to_owned(),
            Purpose::SaveProject => "Save project as".to_owned(),
            Purpose::Export(ExportFormat::Brat) => "Export brat standoff into a folder".to_owned(),
            Purpose::Export(format) => format!("Export {}", format.title()),
            Purpose::ExportDesk(export) => format!("Export {}", export.title()),
            Purpose::Import(ImportFormat::Brat) => "Import a brat folder (or .ann file)".to_owned(),
            Purpose::Import(format) => format!("Import {}", format.title()),
        }
    }

    pub fn saves(self) -> bool {
        matches!(
            self,
            Purpose::SaveProject | Purpose::Export(_) | Purpose::ExportDesk(_)
        )
    }
}

pub trait FileDialogs {
    /// Asks for files; `suggested` names the file for save dialogs.
    fn pick(&mut self, purpose: Purpose, suggested: &str) -> Picked;
}

/// Native dialogs through rfd.
pub struct NativeDialogs;

/// A dialog that answers faster than this was never shown to anyone.
const TOO_FAST: Duration = Duration::from_millis(150);

fn dialogs_exist() -> bool {
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
    portal || zenity
}

impl FileDialogs for NativeDialogs {
    fn pick(&mut self, purpose: Purpose, suggested: &str) -> Picked {
        if !dialogs_exist() {
            return Picked::Unavailable;
        }
        let dialog = rfd::FileDialog::new().set_title(purpose.title());
        let started = Instant::now();
        let result = match purpose {
            Purpose::OpenArticles => dialog
                .add_filter("Articles", &["txt", "md", "text"])
                .add_filter("All files", &["*"])
                .pick_files(),
            Purpose::OpenProject => dialog
                .add_filter("Spanmark project", &["ron"])
                .pick_file()
                .map(|p| vec![p]),
            Purpose::AddLayers => dialog.add_filter("Spanmark project", &["ron"]).pick_files(),
            Purpose::SaveProject => dialog
                .add_filter("Spanmark project", &["ron"])
                .set_file_name(suggested)
                .save_file()
                .map(|p| vec![p]),
            Purpose::Export(format) if format.is_folder() => dialog.pick_folder().map(|p| vec![p]),
            Purpose::Export(format) => dialog
                .add_filter(format.name(), &[format.extension()])
                .set_file_name(suggested)
                .save_file()
                .map(|p| vec![p]),
            Purpose::ExportDesk(export) => dialog
                .add_filter(export.title(), &[export.extension()])
                .set_file_name(suggested)
                .save_file()
                .map(|p| vec![p]),
            Purpose::Import(ImportFormat::Brat) => dialog.pick_folder().map(|p| vec![p]),
            Purpose::Import(format) => dialog
                .add_filter(format.title(), format.extensions())
                .add_filter("All files", &["*"])
                .pick_file()
                .map(|p| vec![p]),
        };
        match result {
            Some(paths) if !paths.is_empty() => Picked::Paths(paths),
            _ if started.elapsed() < TOO_FAST => Picked::Unavailable,
            _ => Picked::Cancelled,
        }
    }
}

/// No native dialogs: the app's path field is used (tests, headless systems).
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick(&mut self, _purpose: Purpose, _suggested: &str) -> Picked {
        Picked::Unavailable
    }
}
