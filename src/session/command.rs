//! Everything a user can ask of the window, as data, typed to the bone: panels emit
//! [`Command`]s and the app runs them in one place. File and window commands are the
//! app's; every [`SessionCommand`] goes to [`super::Session::apply`]. Each level is an
//! enum of its own, so every match over commands is exhaustive.

use super::layers::{Layer, Take};
use crate::article::Article;
use crate::formats::ExportFormat;
use crate::formats::import::ImportFormat;
use crate::model::{CharOffset, CharRange, DocId, Label, SpanId, Status};
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
    /// Files: the app asks for paths and confirmations.
    File(FileCommand),
    /// The window itself.
    Window(WindowCommand),
    /// What the session does: selection, navigation, suggestions and edits.
    Session(SessionCommand),
}

#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    NewProject,
    OpenArticles,
    OpenProject,
    OpenPath(PathBuf),
    /// Articles and projects dropped on the window or given on the command line.
    OpenPaths(Vec<PathBuf>),
    /// Asks for coders' project files to add as read-only layers.
    AddLayers,
    /// Reads coders' project files and adds them as layers.
    AddLayerPaths(Vec<PathBuf>),
    Save,
    SaveAs,
    Export(ExportFormat),
    /// Writes one of the fact-check desk's files (claims CSV, ClaimReview).
    ExportDesk(crate::formats::desk::DeskExport),
    /// Merges annotations from a file of another tool (one undo step).
    Import(ImportFormat),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowCommand {
    /// Opens the find bar.
    Find,
    /// Shows or hides a part of the window (a panel, a tab, a Help window).
    Toggle(WindowPart),
    /// Copies the selected text (or the selected span's) to the clipboard.
    Copy,
    /// Puts the keyboard in the selected span's first field in the inspector (a
    /// claim's sources).
    EditFields,
    Quit,
}

/// The parts of the window the View and Help menus show or hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowPart {
    DocumentsPanel,
    SpansPanel,
    /// The Statistics tab of the spans panel.
    Statistics,
    /// The Claims tab of the spans panel (the fact-check desk).
    Claims,
    KeyboardHelp,
    Guidelines,
    /// The label editor.
    Labels,
    /// Help → About: the version, the commit and the data folders.
    About,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SessionCommand {
    View(ViewCommand),
    Suggestion(SuggestionCommand),
    Edit(EditCommand),
    /// The name the spans made from now on record (`None`: git's or the login name).
    /// Not an edit: the window remembers it in its preferences.
    SetCoder(Option<String>),
    /// Comparing coders' files and taking their versions into the curated project.
    Adjudicate(AdjudicateCommand),
    /// Settling the merge conflicts git left in the open document.
    Conflict(ConflictCommand),
    /// Changing the label set (each one undo step).
    Label(LabelCommand),
    /// Linking spans and changing the relation types.
    Relation(super::RelationCommand),
    Undo,
    Redo,
}

/// Which version of merge conflict `index` (of the open document) stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictCommand {
    /// Our version (the one the project holds) stays.
    KeepOurs(usize),
    /// Their version replaces it (or, where they deleted the span, it goes).
    TakeTheirs(usize),
}

impl From<ConflictCommand> for Command {
    fn from(command: ConflictCommand) -> Self {
        Command::Session(SessionCommand::Conflict(command))
    }
}

/// Selection and navigation: what is shown changes, the project never does.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    ShowDocument(DocId),
    Select(Option<CharRange>),
    SelectSpan(Option<SpanId>),
    JumpToSpan(SpanId),
    NextSpan,
    PrevSpan,
    ClearSelection,
    /// Scrolls the article to a position.
    Reveal(CharOffset),
    /// Scrolls to the start (`false`) or the end (`true`) of the article.
    GoToEdge(bool),
}

/// Suggestions: showing and stepping through them (view), accepting and rejecting
/// them (each one undo step).
#[derive(Clone, Debug, PartialEq)]
pub enum SuggestionCommand {
    /// Shows or hides suggestions of a label.
    Toggle(String),
    /// The next (`true`) or previous suggestion.
    Step(bool),
    /// Accepts the suggestion of a label over a range (a click on it).
    Accept(String, CharRange),
    AcceptSelected,
    RejectSelected,
    /// Accepts every confident suggestion of a label, as one undo step.
    AcceptAll(String),
    Clear,
}

/// Coders' files as read-only layers: adding them, stepping through what they
/// disagree on (views) and taking versions into the project (each one undo step).
#[derive(Clone, Debug, PartialEq)]
pub enum AdjudicateCommand {
    /// Adds coders' projects as layers (read by the app).
    AddLayers(Vec<Layer>),
    /// The next (`true`) or previous disagreement of the document shown.
    Step(bool),
    /// Selects a disagreement of the document shown (an index into its list).
    Select(usize),
    /// Takes a version of the selected disagreement.
    Take(Take),
    /// Takes a version of disagreement `i` (and selects it).
    TakeAt(usize, Take),
    /// Adds every span all coders give identically in the document shown, as one step.
    AcceptAgreed,
}

/// Changes to the label set: each is one undo step. The window's label editor and
/// `spanmark labels` both send these.
#[derive(Clone, Debug, PartialEq)]
pub enum LabelCommand {
    /// Adds a label at the end (an empty colour takes the next Okabe–Ito one).
    Add(Label),
    /// Replaces label `name` by `label`: a rename (every span follows), a new colour,
    /// key or attribute names.
    Update { name: String, label: Label },
    /// Removes a label; its spans, if any, are relabelled to `relabel_to` in the same
    /// step (without it, a label in use is refused).
    Remove {
        name: String,
        relabel_to: Option<String>,
    },
    /// Moves a label to a position in the label bar.
    Move { name: String, to: usize },
}

impl From<super::RelationCommand> for Command {
    fn from(command: super::RelationCommand) -> Self {
        Command::Session(SessionCommand::Relation(command))
    }
}

impl From<LabelCommand> for Command {
    fn from(command: LabelCommand) -> Self {
        Command::Session(SessionCommand::Label(command))
    }
}

/// Changes to the project: each is one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
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
    /// Moves the selected claim's check status one step on (to check → checking →
    /// checked → to check).
    StepClaimStatus,
    /// Gives the selected claim verdict n (0: the first, the best) of the scale.
    SetVerdict(usize),
    /// Sets the fact-check desk's settings (publisher and its address, numeric scale).
    SetDesk(crate::model::desk::Desk),
    /// Makes the selected text (blanks folded, punctuation around it dropped) the
    /// speaker of a span of the current document, and selects that span: "use
    /// selection as speaker" on a name in the text.
    SpeakerFromSelection(SpanId),
    MoveBoundary(Boundary),
    SetStatus(DocId, Status),
    /// Sets where a document's article comes from (checked: URL, date, language).
    SetMeta(DocId, crate::model::ArticleMeta),
    /// Marks the current document done, or back in progress when it is done.
    ToggleDone,
    /// Adds read articles as documents (one undo step) and shows the first.
    AddArticles(Vec<(PathBuf, Article)>),
}

impl From<FileCommand> for Command {
    fn from(command: FileCommand) -> Self {
        Command::File(command)
    }
}

impl From<WindowCommand> for Command {
    fn from(command: WindowCommand) -> Self {
        Command::Window(command)
    }
}

impl From<SessionCommand> for Command {
    fn from(command: SessionCommand) -> Self {
        Command::Session(command)
    }
}

impl From<ViewCommand> for Command {
    fn from(command: ViewCommand) -> Self {
        Command::Session(SessionCommand::View(command))
    }
}

impl From<SuggestionCommand> for Command {
    fn from(command: SuggestionCommand) -> Self {
        Command::Session(SessionCommand::Suggestion(command))
    }
}

impl From<EditCommand> for Command {
    fn from(command: EditCommand) -> Self {
        Command::Session(SessionCommand::Edit(command))
    }
}

impl From<AdjudicateCommand> for Command {
    fn from(command: AdjudicateCommand) -> Self {
        Command::Session(SessionCommand::Adjudicate(command))
    }
}
