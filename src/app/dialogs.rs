//! File dialogs. The native ones go through rfd (xdg portal, then zenity); where
//! neither exists rfd returns at once exactly as on Cancel, so the app tells the two
//! apart and offers its own path field instead. Tests use [`NoDialogs`], which always
//! sends the user to that path field.

use crate::formats::ExportFormat;
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
    SaveProject,
    Export(ExportFormat),
    /// A folder for brat's files.
    ExportBrat,
    Import(ImportFormat),
}

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Purpose::OpenArticles => "Open articles",
            Purpose::OpenProject => "Open project",
            Purpose::SaveProject => "Save project as",
            Purpose::Export(ExportFormat::Json) => "Export JSON",
            Purpose::Export(ExportFormat::Jsonl) => "Export JSONL",
            Purpose::Export(ExportFormat::Csv) => "Export CSV",
            Purpose::Export(ExportFormat::Doccano) => "Export doccano JSONL",
            Purpose::Export(ExportFormat::DoccanoGraphemes) => {
                "Export doccano JSONL (grapheme offsets)"
            }
            Purpose::Export(ExportFormat::Spacy) => "Export spaCy JSONL",
            Purpose::Export(ExportFormat::LabelStudio) => "Export Label Studio JSON",
            Purpose::Export(ExportFormat::W3c) => "Export W3C Web Annotations",
            Purpose::ExportBrat => "Export brat standoff into a folder",
            Purpose::Import(ImportFormat::Json) => "Import spanmark JSON",
            Purpose::Import(ImportFormat::Doccano) => "Import doccano JSONL",
            Purpose::Import(ImportFormat::DoccanoGraphemes) => {
                "Import doccano JSONL (grapheme offsets)"
            }
            Purpose::Import(ImportFormat::Spacy) => "Import spaCy JSONL",
            Purpose::Import(ImportFormat::LabelStudio) => "Import Label Studio JSON",
            Purpose::Import(ImportFormat::W3c) => "Import W3C Web Annotations",
            Purpose::Import(ImportFormat::Brat) => "Import a brat folder (or .ann file)",
        }
    }

    pub fn saves(self) -> bool {
        matches!(
            self,
            Purpose::SaveProject | Purpose::Export(_) | Purpose::ExportBrat
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
            Purpose::SaveProject => dialog
                .add_filter("Spanmark project", &["ron"])
                .set_file_name(suggested)
                .save_file()
                .map(|p| vec![p]),
            Purpose::Export(format) => dialog
                .add_filter(format.name(), &[format.extension()])
                .set_file_name(suggested)
                .save_file()
                .map(|p| vec![p]),
            Purpose::ExportBrat | Purpose::Import(ImportFormat::Brat) => {
                dialog.pick_folder().map(|p| vec![p])
            }
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
