//! `spanmark labels`: lists a project's labels (name, colour, key, span count,
//! attributes) or its relation types (name, the labels at each end, relations using
//! it), or changes one label or relation type, through a session's [`LabelCommand`]s
//! and [`RelationCommand`]s (the label editor's own) under the project's lock, saving
//! only over the file it read. Each refusal (unknown label, key clash, bad colour,
//! label or relation type in use) is one line.

use super::change::load_for_change;
use crate::model::RelationType;
use crate::model::schema::{describe_fields, parse_fields};
use crate::model::{Label, Project};
use crate::session::{LabelCommand, RelationCommand, SessionCommand};
use crate::shown::quoted;
use crate::store;
use anyhow::{anyhow, bail};
use std::path::Path;

/// What `spanmark labels` was asked to do (clap's flags, not yet checked together).
#[derive(Debug, Default, clap::Args)]
pub struct LabelArgs {
    /// Add a label (its colour defaults to the next Okabe–Ito colour).
    #[arg(long, value_name = "NAME")]
    add: Option<String>,
    /// Rename a label; its spans follow.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    rename: Vec<String>,
    /// The colour #RRGGBB: `--color NAME #RRGGBB`, or `--color #RRGGBB` with --add.
    #[arg(long, num_args = 1..=2, value_names = ["NAME", "#RRGGBB"])]
    color: Vec<String>,
    /// The key (a letter, or "none"): `--key NAME K`, or `--key K` with --add.
    #[arg(long, num_args = 1..=2, value_names = ["NAME", "K"])]
    key: Vec<String>,
    /// Attribute names, comma-separated: `--attributes NAME a,b`, or `--attributes a,b`
    /// with --add ("" for none).
    #[arg(long, num_args = 1..=2, value_names = ["NAME", "A,B"])]
    attributes: Vec<String>,
    /// Remove a label; one with spans needs --relabel-to.
    #[arg(long, value_name = "NAME")]
    remove: Option<String>,
    /// With --remove: the label its spans get instead (one step).
    #[arg(long, value_name = "OTHER", requires = "remove")]
    relabel_to: Option<String>,
    /// List the relation types (name, the labels at each end, relations using it).
    #[arg(long)]
    relation_types: bool,
    /// Add a relation type; --from and --to name the labels allowed at its ends.
    #[arg(long, value_name = "NAME")]
    add_relation_type: Option<String>,
    /// With --add-relation-type: the labels a link may start from, comma-separated
    /// (default: any label).
    #[arg(long, value_name = "A,B", requires = "add_relation_type")]
    from: Option<String>,
    /// With --add-relation-type: the labels a link may go to, comma-separated
    /// (default: any label).
    #[arg(long, value_name = "A,B", requires = "add_relation_type")]
    to: Option<String>,
    /// Remove a relation type no relation has.
    #[arg(long, value_name = "NAME")]
    remove_relation_type: Option<String>,
    /// Rename a relation type; its relations follow.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    rename_relation_type: Vec<String>,
}

pub(super) fn run(path: &Path, args: LabelArgs) -> anyhow::Result<()> {
    let changes = [
        args.add.is_some(),
        !args.rename.is_empty(),
        args.remove.is_some(),
        args.add.is_none()
            && !(args.color.is_empty() && args.key.is_empty() && args.attributes.is_empty()),
        args.add_relation_type.is_some(),
        args.remove_relation_type.is_some(),
        !args.rename_relation_type.is_empty(),
    ];
    match changes.iter().filter(|c| **c).count() {
        0 if args.relation_types => {
            print!("{}", types_table(&store::load(path)?));
            return Ok(());
        }
        0 => {
            print!("{}", table(&store::load(path)?));
            return Ok(());
        }
        1 if !args.relation_types => {}
        _ => bail!(
            "one change at a time (and --relation-types only lists): --add, --rename, --remove, \
             --color/--key/--attributes of one label, --add-relation-type, \
             --rename-relation-type or --remove-relation-type: {}",
            path.display()
        ),
    }
    let (_lock, mut session, stamp) = load_for_change(path, "labels")?;
    session.set_reserved_keys(crate::ui::actions::reserved_label_keys());
    let command = session_command(session.project(), args)
        .map_err(|err| anyhow!("{err}: {}", path.display()))?;
    if let SessionCommand::Label(LabelCommand::Remove {
        name,
        relabel_to: None,
    }) = &command
    {
        let count = session.label_use(name);
        if count > 0 {
            bail!(
                "label {} is used by {count} spans: give --relabel-to OTHER for them: {}",
                quoted(name),
                path.display()
            );
        }
    }
    let renamed_type = match &command {
        SessionCommand::Relation(RelationCommand::UpdateType {
            name,
            relation_type,
        }) => Some(format!(
            "Renamed relation type {} to {} ({} relations)",
            quoted(name),
            quoted(&relation_type.name),
            session.relation_type_use(name)
        )),
        _ => None,
    };
    session
        .apply(command)
        .map_err(|err| anyhow!("{err}: {}", path.display()))?;
    if !session.is_dirty() {
        println!("nothing changed: {}", path.display());
        return Ok(());
    }
    store::save_expecting(session.project(), path, &stamp)?;
    let notice = session.take_notice().or(renamed_type).unwrap_or_default();
    let done = notice.trim_end_matches("; Ctrl+Z undoes");
    println!("{done}: {}", path.display());
    Ok(())
}

/// The one change the flags ask for, as the label editor would send it.
fn session_command(project: &Project, mut args: LabelArgs) -> Result<SessionCommand, String> {
    let list = |text: &Option<String>| -> Vec<String> {
        text.iter()
            .flat_map(|t| t.split(','))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let relation = if let Some(name) = args.add_relation_type.take() {
        RelationCommand::AddType(RelationType {
            name: name.trim().to_owned(),
            from: list(&args.from),
            to: list(&args.to),
        })
    } else if let Some(name) = args.remove_relation_type.take() {
        RelationCommand::RemoveType(name)
    } else if let [old, new] = args.rename_relation_type.as_slice() {
        let mut relation_type = project
            .relation_type(old)
            .cloned()
            .ok_or_else(|| format!("there is no relation type {}", quoted(old)))?;
        new.trim().clone_into(&mut relation_type.name);
        RelationCommand::UpdateType {
            name: old.clone(),
            relation_type,
        }
    } else {
        return command(project, args).map(SessionCommand::Label);
    };
    Ok(SessionCommand::Relation(relation))
}

/// The one label change the flags ask for.
fn command(project: &Project, args: LabelArgs) -> Result<LabelCommand, String> {
    if let Some(name) = args.add {
        let one = |values: &[String], flag: &str| match values {
            [] => Ok(None),
            [value] => Ok(Some(value.clone())),
            _ => Err(format!("with --add, --{flag} takes one value")),
        };
        let color = one(&args.color, "color")?.unwrap_or_default();
        let key = one(&args.key, "key")?
            .map(|k| key(&k))
            .transpose()?
            .flatten();
        let attributes = one(&args.attributes, "attributes")?.unwrap_or_default();
        let mut label = Label::new(&name, &color, key, &[]);
        label.attributes = parse_fields(&attributes)?;
        return Ok(LabelCommand::Add(label));
    }
    if let [old, new] = args.rename.as_slice() {
        let mut label = existing(project, old)?;
        label.name.clone_from(new);
        return Ok(LabelCommand::Update {
            name: old.clone(),
            label,
        });
    }
    if let Some(name) = args.remove {
        return Ok(LabelCommand::Remove {
            name,
            relabel_to: args.relabel_to,
        });
    }
    // --color, --key and --attributes of one existing label.
    let mut name: Option<String> = None;
    let mut pairs = Vec::new();
    for (flag, values) in [
        ("color", &args.color),
        ("key", &args.key),
        ("attributes", &args.attributes),
    ] {
        match values.as_slice() {
            [] => {}
            [label, value] if name.as_ref().is_none_or(|n| n == label) => {
                name = Some(label.clone());
                pairs.push((flag, value.clone()));
            }
            [_, _] => {
                return Err("--color, --key and --attributes change one label at a time".into());
            }
            _ => {
                return Err(format!(
                    "--{flag} takes a label and a value: --{flag} NAME VALUE"
                ));
            }
        }
    }
    let name = name.ok_or("nothing to change")?;
    let mut label = existing(project, &name)?;
    for (flag, value) in pairs {
        match flag {
            "color" => label.color = value,
            "key" => label.key = key(&value)?,
            _ => label.attributes = parse_fields(&value)?,
        }
    }
    Ok(LabelCommand::Update { name, label })
}

fn existing(project: &Project, name: &str) -> Result<Label, String> {
    project
        .labels
        .get(name)
        .cloned()
        .ok_or_else(|| format!("there is no label {}", quoted(name)))
}

/// A key as typed: one character, or `none` (or nothing) for no key.
fn key(text: &str) -> Result<Option<char>, String> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Ok(None),
        (Some(c), None) => Ok(Some(c)),
        _ if text.eq_ignore_ascii_case("none") => Ok(None),
        _ => Err(format!(
            "the key {} is not one letter (or none)",
            quoted(text)
        )),
    }
}

/// The relation types as an aligned table: name, from, to, relations.
pub fn types_table(project: &Project) -> String {
    let ends = |labels: &[String]| {
        if labels.is_empty() {
            "any".to_owned()
        } else {
            labels.join(",")
        }
    };
    let rows: Vec<[String; 4]> = project
        .relation_types
        .iter()
        .map(|t| {
            [
                t.name.clone(),
                ends(&t.from),
                ends(&t.to),
                crate::edit::relations_of_type(project, &t.name).to_string(),
            ]
        })
        .collect();
    let header = ["relation type", "from", "to", "relations"].map(str::to_owned);
    aligned(&header, &rows, 3)
}

/// The labels as an aligned table: name, colour, key, spans, attributes.
pub fn table(project: &Project) -> String {
    let rows: Vec<[String; 5]> = project
        .labels
        .iter()
        .map(|l| {
            let spans: usize = project
                .documents()
                .iter()
                .map(|d| d.count_label(&l.name))
                .sum();
            [
                l.name.clone(),
                l.color.clone(),
                l.key.map_or("-".to_owned(), |k| k.to_string()),
                spans.to_string(),
                describe_fields(&l.attributes),
            ]
        })
        .collect();
    let header = ["label", "colour", "key", "spans", "attributes"].map(str::to_owned);
    aligned(&header, &rows, 3)
}

/// `header` and `rows` in columns two blanks apart, column `right` (a count) aligned
/// right.
fn aligned<const N: usize>(header: &[String; N], rows: &[[String; N]], right: usize) -> String {
    let mut widths = [0usize; N];
    for row in std::iter::once(header).chain(rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            let pad = w - cell.chars().count();
            if i == right {
                line += &format!("{}{cell}  ", " ".repeat(pad));
            } else {
                line += &format!("{cell}{}  ", " ".repeat(pad));
            }
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}
