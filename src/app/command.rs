//! Everything a user can ask of the window, as data. Panels emit [`Command`]s; the
//! app runs them in one place. [`ACTIONS`] is the command table that feeds the menus,
//! the keyboard shortcuts and the tooltips, so the three never disagree.

use crate::article::Article;
use crate::formats::ExportFormat;
use crate::formats::import::ImportFormat;
use crate::model::{CharOffset, CharRange, DocId, SpanId, Status};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Which end of a span a key moves, and how far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Boundary {
    pub end: bool,
    pub forward: bool,
    pub word: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // Files (the app asks for paths and confirmations).
    NewProject,
    OpenArticles,
    OpenProject,
    OpenPath(PathBuf),
    /// Articles and projects dropped on the window or given on the command line.
    OpenPaths(Vec<PathBuf>),
    Save,
    SaveAs,
    Export(ExportFormat),
    /// brat standoff: a `.txt` and an `.ann` file per document, into a folder.
    ExportBrat,
    /// Merges annotations from a file of another tool (one undo step).
    Import(ImportFormat),
    Quit,
    // View and selection (no edit).
    ShowDocument(DocId),
    Select(Option<CharRange>),
    SelectSpan(Option<SpanId>),
    JumpToSpan(SpanId),
    NextSpan,
    PrevSpan,
    ClearSelection,
    Find,
    /// Scrolls the article to a position.
    Reveal(CharOffset),
    /// Scrolls to the start (`false`) or the end (`true`) of the article.
    GoToEdge(bool),
    /// Shows or hides suggestions of a label.
    ToggleSuggestions(String),
    SelectSuggestion(Option<(String, CharRange)>),
    NextSuggestion(bool),
    AcceptSuggestion(String, CharRange),
    RejectSuggestion(String, CharRange),
    AcceptSelectedSuggestion,
    RejectSelectedSuggestion,
    /// Accepts every confident suggestion of a label, as one undo step.
    AcceptAllSuggestions(String),
    ClearSuggestions,
    // Edits: each is one undo step.
    /// Tags the selection with a label, or relabels the selected span.
    Tag(String),
    TagAll {
        label: String,
        ranges: Vec<CharRange>,
    },
    DeleteSelectedSpan,
    DeleteSpan(SpanId),
    Relabel(SpanId, String),
    SetNote(SpanId, String),
    SetAttribute(SpanId, String, String),
    MoveBoundary(Boundary),
    SetStatus(DocId, Status),
    /// Adds read articles as documents (one undo step) and shows the first.
    AddArticles(Vec<(PathBuf, Article)>),
    Undo,
    Redo,
}

/// One row of the command table.
pub struct Action {
    pub name: &'static str,
    pub command: fn() -> Command,
    pub shortcuts: &'static [KeyboardShortcut],
    /// Shortcuts that need the article (not a text field) to have the keyboard.
    pub plain_keys: bool,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

fn bound(end: bool, forward: bool, word: bool) -> Command {
    Command::MoveBoundary(Boundary { end, forward, word })
}

/// The command table. Order within a menu follows this order.
pub const ACTIONS: &[Action] = &[
    Action {
        name: "New project",
        command: || Command::NewProject,
        shortcuts: &[key(CTRL, Key::N)],
        plain_keys: false,
    },
    Action {
        name: "Open articles…",
        command: || Command::OpenArticles,
        shortcuts: &[key(CTRL, Key::O)],
        plain_keys: false,
    },
    Action {
        name: "Open project…",
        command: || Command::OpenProject,
        shortcuts: &[key(CTRL_SHIFT, Key::O)],
        plain_keys: false,
    },
    Action {
        name: "Save",
        command: || Command::Save,
        shortcuts: &[key(CTRL, Key::S)],
        plain_keys: false,
    },
    Action {
        name: "Save as…",
        command: || Command::SaveAs,
        shortcuts: &[key(CTRL_SHIFT, Key::S)],
        plain_keys: false,
    },
    Action {
        name: "Export JSON…",
        command: || Command::Export(ExportFormat::Json),
        shortcuts: &[key(CTRL, Key::E)],
        plain_keys: false,
    },
    Action {
        name: "Export JSONL…",
        command: || Command::Export(ExportFormat::Jsonl),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Export CSV…",
        command: || Command::Export(ExportFormat::Csv),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Export doccano JSONL…",
        command: || Command::Export(ExportFormat::Doccano),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Export doccano JSONL (grapheme offsets)…",
        command: || Command::Export(ExportFormat::DoccanoGraphemes),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Export spaCy JSONL…",
        command: || Command::Export(ExportFormat::Spacy),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Export Label Studio JSON…",
        command: || Command::Export(ExportFormat::LabelStudio),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Export W3C Web Annotations…",
        command: || Command::Export(ExportFormat::W3c),
        shortcuts: &[],
        plain_keys: false,
    },
    Action {
        name: "Quit",
        command: || Command::Quit,
        shortcuts: &[key(CTRL, Key::Q)],
        plain_keys: false,
    },
    Action {
        name: "Undo",
        command: || Command::Undo,
        shortcuts: &[key(CTRL, Key::Z)],
        plain_keys: true,
    },
    Action {
        name: "Redo",
        command: || Command::Redo,
        shortcuts: &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        plain_keys: true,
    },
    Action {
        name: "Find…",
        command: || Command::Find,
        shortcuts: &[key(CTRL, Key::F)],
        plain_keys: false,
    },
    Action {
        name: "Delete span",
        command: || Command::DeleteSelectedSpan,
        shortcuts: &[key(NONE, Key::Delete)],
        plain_keys: true,
    },
    Action {
        name: "Next span",
        command: || Command::NextSpan,
        shortcuts: &[key(NONE, Key::Tab)],
        plain_keys: true,
    },
    Action {
        name: "Previous span",
        command: || Command::PrevSpan,
        shortcuts: &[key(SHIFT, Key::Tab)],
        plain_keys: true,
    },
    Action {
        name: "Clear selection",
        command: || Command::ClearSelection,
        shortcuts: &[key(NONE, Key::Escape)],
        plain_keys: true,
    },
    Action {
        name: "Accept suggestion",
        command: || Command::AcceptSelectedSuggestion,
        shortcuts: &[key(NONE, Key::Enter)],
        plain_keys: true,
    },
    Action {
        name: "Reject suggestion",
        command: || Command::RejectSelectedSuggestion,
        shortcuts: &[key(NONE, Key::Backspace)],
        plain_keys: true,
    },
    Action {
        name: "Next suggestion",
        command: || Command::NextSuggestion(true),
        shortcuts: &[key(NONE, Key::N)],
        plain_keys: true,
    },
    Action {
        name: "Previous suggestion",
        command: || Command::NextSuggestion(false),
        shortcuts: &[key(SHIFT, Key::N)],
        plain_keys: true,
    },
    Action {
        name: "Go to the start",
        command: || Command::GoToEdge(false),
        shortcuts: &[key(CTRL, Key::Home)],
        plain_keys: true,
    },
    Action {
        name: "Go to the end",
        command: || Command::GoToEdge(true),
        shortcuts: &[key(CTRL, Key::End)],
        plain_keys: true,
    },
    Action {
        name: "Span start one character left",
        command: || bound(false, false, false),
        shortcuts: &[key(NONE, Key::ArrowLeft)],
        plain_keys: true,
    },
    Action {
        name: "Span start one character right",
        command: || bound(false, true, false),
        shortcuts: &[key(NONE, Key::ArrowRight)],
        plain_keys: true,
    },
    Action {
        name: "Span end one character left",
        command: || bound(true, false, false),
        shortcuts: &[key(SHIFT, Key::ArrowLeft)],
        plain_keys: true,
    },
    Action {
        name: "Span end one character right",
        command: || bound(true, true, false),
        shortcuts: &[key(SHIFT, Key::ArrowRight)],
        plain_keys: true,
    },
    Action {
        name: "Span start one word left",
        command: || bound(false, false, true),
        shortcuts: &[key(CTRL, Key::ArrowLeft)],
        plain_keys: true,
    },
    Action {
        name: "Span start one word right",
        command: || bound(false, true, true),
        shortcuts: &[key(CTRL, Key::ArrowRight)],
        plain_keys: true,
    },
    Action {
        name: "Span end one word left",
        command: || bound(true, false, true),
        shortcuts: &[key(CTRL_SHIFT, Key::ArrowLeft)],
        plain_keys: true,
    },
    Action {
        name: "Span end one word right",
        command: || bound(true, true, true),
        shortcuts: &[key(CTRL_SHIFT, Key::ArrowRight)],
        plain_keys: true,
    },
];

/// The table row for `name` (menus look their entries up by name).
pub fn action(name: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.name == name)
}

/// The label keys: the label's own letter, and 1–9 by position.
pub fn label_shortcuts(key: Option<char>, position: usize) -> Vec<KeyboardShortcut> {
    let mut keys = Vec::new();
    if let Some(k) = key.and_then(|c| Key::from_name(&c.to_ascii_uppercase().to_string())) {
        keys.push(KeyboardShortcut::new(Modifiers::NONE, k));
    }
    let digits = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    if let Some(d) = digits.get(position) {
        keys.push(KeyboardShortcut::new(Modifiers::NONE, *d));
    }
    keys
}
