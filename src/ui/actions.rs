//! The command table: every action the menus, the keyboard and the help list offer,
//! keyed by [`Action`], with its name, its command and its keys, so the three never
//! disagree and renaming an entry cannot drop a menu item. The label keys (a label's
//! letter, 1–9 by position) are here too.

use crate::formats::ExportFormat;
use crate::session::layers::Take;
use crate::session::{
    AdjudicateCommand, Boundary, Command, EditCommand, FileCommand, RelationCommand,
    SessionCommand, SuggestionCommand, ViewCommand, WindowCommand, WindowPart,
};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    NewProject,
    OpenArticles,
    OpenProject,
    Save,
    SaveAs,
    Export(ExportFormat),
    Quit,
    Undo,
    Redo,
    Find,
    Copy,
    MarkDone,
    DeleteSpan,
    /// Starts linking the selected span to another (the next span clicked, or the one
    /// selected when Enter is pressed).
    LinkSpan,
    NextSpan,
    PrevSpan,
    ClearSelection,
    AcceptSuggestion,
    RejectSuggestion,
    NextSuggestion,
    PrevSuggestion,
    GoToStart,
    GoToEnd,
    MoveBoundary(Boundary),
    Toggle(WindowPart),
    AddLayers,
    NextDisagreement,
    PrevDisagreement,
    /// Takes the version of coder `n` (0-based) of the selected disagreement.
    TakeCoder(u8),
    TakeAll,
    TakeNone,
    AcceptAgreed,
    /// Moves the selected claim's check status one step on.
    StepClaimStatus,
    /// Gives the selected claim verdict n (0-based) of the project's scale.
    SetVerdict(u8),
    /// Puts the keyboard in the selected span's first field (a claim's sources).
    EditFields,
}

/// How many verdicts have a key of their own (Ctrl+1 …).
pub const VERDICT_KEYS: usize = 9;

/// How many coders have a key of their own (Alt+1 …).
pub const CODER_KEYS: usize = 6;

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
const ALT: Modifiers = Modifiers::ALT;

const fn bound(end: bool, forward: bool, word: bool) -> Action {
    Action::MoveBoundary(Boundary { end, forward, word })
}

impl Action {
    /// Every action with keys or a place in the help, in the order the help lists them.
    pub const ALL: &[Action] = &[
        Action::NewProject,
        Action::OpenArticles,
        Action::OpenProject,
        Action::Save,
        Action::SaveAs,
        Action::Export(ExportFormat::Json),
        Action::Export(ExportFormat::Jsonl),
        Action::Export(ExportFormat::Csv),
        Action::Export(ExportFormat::Doccano),
        Action::Export(ExportFormat::DoccanoGraphemes),
        Action::Export(ExportFormat::Spacy),
        Action::Export(ExportFormat::LabelStudio),
        Action::Export(ExportFormat::W3c),
        Action::Export(ExportFormat::Brat),
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::Find,
        Action::Copy,
        Action::MarkDone,
        Action::DeleteSpan,
        Action::LinkSpan,
        Action::NextSpan,
        Action::PrevSpan,
        Action::ClearSelection,
        Action::AcceptSuggestion,
        Action::RejectSuggestion,
        Action::NextSuggestion,
        Action::PrevSuggestion,
        Action::GoToStart,
        Action::GoToEnd,
        Action::Toggle(WindowPart::DocumentsPanel),
        Action::Toggle(WindowPart::SpansPanel),
        Action::Toggle(WindowPart::Statistics),
        Action::Toggle(WindowPart::Claims),
        Action::Toggle(WindowPart::KeyboardHelp),
        Action::Toggle(WindowPart::Guidelines),
        Action::Toggle(WindowPart::Labels),
        Action::Toggle(WindowPart::About),
        bound(false, false, false),
        bound(false, true, false),
        bound(true, false, false),
        bound(true, true, false),
        bound(false, false, true),
        bound(false, true, true),
        bound(true, false, true),
        bound(true, true, true),
        Action::AddLayers,
        Action::NextDisagreement,
        Action::PrevDisagreement,
        Action::TakeCoder(0),
        Action::TakeCoder(1),
        Action::TakeCoder(2),
        Action::TakeCoder(3),
        Action::TakeCoder(4),
        Action::TakeCoder(5),
        Action::TakeAll,
        Action::TakeNone,
        Action::AcceptAgreed,
        Action::EditFields,
        Action::StepClaimStatus,
        Action::SetVerdict(0),
        Action::SetVerdict(1),
        Action::SetVerdict(2),
        Action::SetVerdict(3),
        Action::SetVerdict(4),
        Action::SetVerdict(5),
        Action::SetVerdict(6),
        Action::SetVerdict(7),
        Action::SetVerdict(8),
    ];

    /// The action's name in menus and the help.
    pub fn name(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Action::NewProject => "New project",
            Action::OpenArticles => "Open articles…",
            Action::OpenProject => "Open project…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::Export(format) => return Cow::Owned(format!("Export {}…", format.title())),
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::Find => "Find…",
            Action::Copy => "Copy",
            Action::MarkDone => "Mark the document done (or back in progress)",
            Action::DeleteSpan => "Delete span",
            Action::LinkSpan => "Link span",
            Action::NextSpan => "Next span",
            Action::PrevSpan => "Previous span",
            Action::ClearSelection => "Clear selection",
            Action::AcceptSuggestion => "Accept suggestion",
            Action::RejectSuggestion => "Reject suggestion",
            Action::NextSuggestion => "Next suggestion",
            Action::PrevSuggestion => "Previous suggestion",
            Action::GoToStart => "Go to the start",
            Action::GoToEnd => "Go to the end",
            Action::Toggle(part) => match part {
                WindowPart::DocumentsPanel => "Documents panel",
                WindowPart::SpansPanel => "Spans panel",
                WindowPart::Statistics => "Statistics",
                WindowPart::Claims => "Claims desk",
                WindowPart::KeyboardHelp => "Keyboard",
                WindowPart::Guidelines => "Annotation guidelines",
                WindowPart::Labels => "Labels…",
                WindowPart::About => "About spanmark",
            },
            Action::AddLayers => "Add coders' files…",
            Action::NextDisagreement => "Next disagreement",
            Action::PrevDisagreement => "Previous disagreement",
            Action::TakeCoder(n) => {
                return Cow::Owned(format!("Take coder {}'s version", n + 1));
            }
            Action::TakeAll => "Take every version",
            Action::TakeNone => "Take no version",
            Action::AcceptAgreed => "Accept everything all coders agree on",
            Action::StepClaimStatus => "Claim: next check status",
            Action::SetVerdict(n) => {
                return Cow::Owned(format!("Claim: verdict {} of the scale", n + 1));
            }
            Action::EditFields => "Edit the span's fields (a claim's sources)",
            Action::MoveBoundary(b) => {
                let end = if b.end { "end" } else { "start" };
                let unit = if b.word { "word" } else { "character" };
                let way = if b.forward { "right" } else { "left" };
                return Cow::Owned(format!("Span {end} one {unit} {way}"));
            }
        })
    }

    pub fn command(self) -> Command {
        match self {
            Action::NewProject => FileCommand::NewProject.into(),
            Action::OpenArticles => FileCommand::OpenArticles.into(),
            Action::OpenProject => FileCommand::OpenProject.into(),
            Action::Save => FileCommand::Save.into(),
            Action::SaveAs => FileCommand::SaveAs.into(),
            Action::Export(format) => FileCommand::Export(format).into(),
            Action::Quit => WindowCommand::Quit.into(),
            Action::Undo => SessionCommand::Undo.into(),
            Action::Redo => SessionCommand::Redo.into(),
            Action::Find => WindowCommand::Find.into(),
            Action::Copy => WindowCommand::Copy.into(),
            Action::MarkDone => EditCommand::ToggleDone.into(),
            Action::DeleteSpan => EditCommand::DeleteSelectedSpan.into(),
            Action::LinkSpan => RelationCommand::Start.into(),
            Action::NextSpan => ViewCommand::NextSpan.into(),
            Action::PrevSpan => ViewCommand::PrevSpan.into(),
            Action::ClearSelection => ViewCommand::ClearSelection.into(),
            Action::AcceptSuggestion => SuggestionCommand::AcceptSelected.into(),
            Action::RejectSuggestion => SuggestionCommand::RejectSelected.into(),
            Action::NextSuggestion => SuggestionCommand::Step(true).into(),
            Action::PrevSuggestion => SuggestionCommand::Step(false).into(),
            Action::GoToStart => ViewCommand::GoToEdge(false).into(),
            Action::GoToEnd => ViewCommand::GoToEdge(true).into(),
            Action::MoveBoundary(b) => EditCommand::MoveBoundary(b).into(),
            Action::Toggle(part) => WindowCommand::Toggle(part).into(),
            Action::AddLayers => FileCommand::AddLayers.into(),
            Action::NextDisagreement => AdjudicateCommand::Step(true).into(),
            Action::PrevDisagreement => AdjudicateCommand::Step(false).into(),
            Action::TakeCoder(n) => AdjudicateCommand::Take(Take::Coder(n.into())).into(),
            Action::TakeAll => AdjudicateCommand::Take(Take::All).into(),
            Action::TakeNone => AdjudicateCommand::Take(Take::None).into(),
            Action::AcceptAgreed => AdjudicateCommand::AcceptAgreed.into(),
            Action::StepClaimStatus => EditCommand::StepClaimStatus.into(),
            Action::SetVerdict(n) => EditCommand::SetVerdict(n.into()).into(),
            Action::EditFields => WindowCommand::EditFields.into(),
        }
    }

    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Action::NewProject => const { &[key(CTRL, Key::N)] },
            Action::OpenArticles => const { &[key(CTRL, Key::O)] },
            Action::OpenProject => const { &[key(CTRL_SHIFT, Key::O)] },
            Action::Save => const { &[key(CTRL, Key::S)] },
            Action::SaveAs => const { &[key(CTRL_SHIFT, Key::S)] },
            Action::Export(ExportFormat::Json) => const { &[key(CTRL, Key::E)] },
            Action::Export(_) => &[],
            Action::Quit => const { &[key(CTRL, Key::Q)] },
            Action::Undo => const { &[key(CTRL, Key::Z)] },
            Action::Redo => const { &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)] },
            Action::Find => const { &[key(CTRL, Key::F)] },
            Action::Copy => const { &[key(CTRL, Key::C)] },
            Action::MarkDone => const { &[key(CTRL, Key::D)] },
            Action::DeleteSpan => const { &[key(NONE, Key::Delete)] },
            Action::LinkSpan => const { &[key(NONE, Key::R)] },
            Action::NextSpan => const { &[key(NONE, Key::Tab)] },
            Action::PrevSpan => const { &[key(SHIFT, Key::Tab)] },
            Action::ClearSelection => const { &[key(NONE, Key::Escape)] },
            Action::AcceptSuggestion => const { &[key(NONE, Key::Enter)] },
            Action::RejectSuggestion => const { &[key(NONE, Key::Backspace)] },
            Action::NextSuggestion => const { &[key(NONE, Key::N)] },
            Action::PrevSuggestion => const { &[key(SHIFT, Key::N)] },
            Action::GoToStart => const { &[key(CTRL, Key::Home)] },
            Action::GoToEnd => const { &[key(CTRL, Key::End)] },
            Action::Toggle(WindowPart::DocumentsPanel) => const { &[key(CTRL, Key::B)] },
            Action::Toggle(WindowPart::SpansPanel) => const { &[key(CTRL_SHIFT, Key::B)] },
            Action::Toggle(WindowPart::Statistics) => const { &[key(CTRL, Key::I)] },
            Action::Toggle(WindowPart::Claims) => const { &[key(CTRL_SHIFT, Key::D)] },
            Action::Toggle(WindowPart::KeyboardHelp) => const { &[key(NONE, Key::F1)] },
            Action::Toggle(WindowPart::Guidelines) => &[],
            Action::Toggle(WindowPart::Labels) => const { &[key(CTRL, Key::L)] },
            Action::Toggle(WindowPart::About) => &[],
            Action::AddLayers => &[],
            Action::NextDisagreement => const { &[key(NONE, Key::J)] },
            Action::PrevDisagreement => const { &[key(NONE, Key::K)] },
            Action::TakeCoder(n) => match n {
                0 => const { &[key(ALT, Key::Num1)] },
                1 => const { &[key(ALT, Key::Num2)] },
                2 => const { &[key(ALT, Key::Num3)] },
                3 => const { &[key(ALT, Key::Num4)] },
                4 => const { &[key(ALT, Key::Num5)] },
                5 => const { &[key(ALT, Key::Num6)] },
                _ => &[],
            },
            Action::TakeAll => const { &[key(ALT, Key::A)] },
            Action::TakeNone => const { &[key(ALT, Key::Num0)] },
            Action::AcceptAgreed => const { &[key(CTRL_SHIFT, Key::A)] },
            Action::StepClaimStatus => const { &[key(ALT, Key::S)] },
            Action::SetVerdict(n) => match n {
                0 => const { &[key(CTRL, Key::Num1)] },
                1 => const { &[key(CTRL, Key::Num2)] },
                2 => const { &[key(CTRL, Key::Num3)] },
                3 => const { &[key(CTRL, Key::Num4)] },
                4 => const { &[key(CTRL, Key::Num5)] },
                5 => const { &[key(CTRL, Key::Num6)] },
                6 => const { &[key(CTRL, Key::Num7)] },
                7 => const { &[key(CTRL, Key::Num8)] },
                8 => const { &[key(CTRL, Key::Num9)] },
                _ => &[],
            },
            Action::EditFields => const { &[key(NONE, Key::F2)] },
            Action::MoveBoundary(b) => match (b.end, b.word, b.forward) {
                (false, false, false) => const { &[key(NONE, Key::ArrowLeft)] },
                (false, false, true) => const { &[key(NONE, Key::ArrowRight)] },
                (true, false, false) => const { &[key(SHIFT, Key::ArrowLeft)] },
                (true, false, true) => const { &[key(SHIFT, Key::ArrowRight)] },
                (false, true, false) => const { &[key(CTRL, Key::ArrowLeft)] },
                (false, true, true) => const { &[key(CTRL, Key::ArrowRight)] },
                (true, true, false) => const { &[key(CTRL_SHIFT, Key::ArrowLeft)] },
                (true, true, true) => const { &[key(CTRL_SHIFT, Key::ArrowRight)] },
            },
        }
    }

    /// Does the action's key need the article (not a text field) to have the keyboard?
    pub fn plain_keys(self) -> bool {
        match self {
            Action::NewProject
            | Action::OpenArticles
            | Action::OpenProject
            | Action::Save
            | Action::SaveAs
            | Action::Export(_)
            | Action::Quit
            | Action::Find
            | Action::MarkDone
            | Action::Toggle(_)
            | Action::AddLayers
            | Action::AcceptAgreed => false,
            Action::Undo
            | Action::Copy
            | Action::Redo
            | Action::DeleteSpan
            | Action::LinkSpan
            | Action::NextSpan
            | Action::PrevSpan
            | Action::ClearSelection
            | Action::AcceptSuggestion
            | Action::RejectSuggestion
            | Action::NextSuggestion
            | Action::PrevSuggestion
            | Action::GoToStart
            | Action::GoToEnd
            | Action::MoveBoundary(_)
            | Action::NextDisagreement
            | Action::PrevDisagreement
            | Action::TakeCoder(_)
            | Action::TakeAll
            | Action::TakeNone
            | Action::StepClaimStatus
            | Action::SetVerdict(_)
            | Action::EditFields => true,
        }
    }

    /// The first key, as the platform writes it, for menus and tooltips.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }
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

/// The letters the command table takes without Ctrl or Alt (N, J, K …), which no
/// label may have as its key, each with the name of what it does.
pub fn reserved_label_keys() -> Vec<(char, String)> {
    let mut out: Vec<(char, String)> = Vec::new();
    for action in Action::ALL {
        for shortcut in action.shortcuts() {
            let m = shortcut.modifiers;
            if m.alt || m.ctrl || m.command || m.mac_cmd {
                continue;
            }
            let mut name = shortcut.logical_key.name().chars();
            if let (Some(c), None) = (name.next(), name.next())
                && c.is_ascii_alphabetic()
                && !out.iter().any(|(k, _)| k.eq_ignore_ascii_case(&c))
            {
                out.push((c.to_ascii_lowercase(), action.name().into_owned()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Action, reserved_label_keys};

    #[test]
    fn the_letters_of_the_command_table_are_reserved() {
        let keys: Vec<char> = reserved_label_keys().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ['r', 'n', 'j', 'k']);
    }

    #[test]
    fn every_action_has_its_own_name_and_its_own_keys() {
        let mut names = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for action in Action::ALL {
            assert!(names.insert(action.name()), "{action:?} named twice");
            for key in action.shortcuts() {
                assert!(keys.insert(*key), "{key:?} given to two actions");
            }
        }
    }
}
