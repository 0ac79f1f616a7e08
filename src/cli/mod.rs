//! The command line: `new`, `add`, `import`, `export`, `stats`, `validate`, `labels`
//! and the team commands, over the store, the formats and the session. Exit status 0 on success, 1 on failure with one clear line on
//! stderr, 2 on bad usage (clap's own).

mod agree;
mod change;
mod claims;
mod format_names;
mod git;
pub mod labels;
mod report;
mod team;

use crate::formats::import::{self, ImportFormat};
use crate::formats::{self, ExportFormat};
use crate::model::Project;
use crate::model::stats::ProjectStats;
use crate::store::{self, StoreError};
use anyhow::{anyhow, bail};
use change::{add, import_file, load_for_change, new};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "spanmark",
    version = crate::ui::bars::about::version_line(),
    about = "Annotate news articles with quote, claim and figure spans (code-point exact).",
    after_help = "Without a command, opens the window (with the given projects and articles, or the last project).\nOffsets everywhere are Unicode code points, end exclusive: Python's text[start:end].",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A project (.ron) and/or article files to open in the window.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new project file, optionally with articles.
    New {
        project: PathBuf,
        /// The project's name (default: the file name without .ron).
        #[arg(long)]
        name: Option<String>,
        articles: Vec<PathBuf>,
    },
    /// Add article files (.txt, .md; UTF-8, UTF-16 or a detected legacy encoding), or
    /// every text file of a folder (sorted; what is not text is reported and skipped), or
    /// with --text-column the rows of corpus files (.csv, .tsv, .jsonl).
    Add {
        project: PathBuf,
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Read the files as corpora, one article per row: the text is in this column
        /// (or JSON key); title, url, outlet/source, author(s), date and language columns
        /// become the article's source, other columns are kept by name.
        #[arg(long)]
        text_column: Option<String>,
        #[command(flatten)]
        meta: MetaArgs,
    },
    /// Merge spans (and missing documents) from a spanmark JSON export, doccano or spaCy
    /// JSONL, Label Studio JSON, W3C Web Annotations or brat files.
    Import {
        project: PathBuf,
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ImportFormat::Json)]
        format: ImportFormat,
        /// Label Studio: the task field holding the text (your labeling config's
        /// $variable; default: text).
        #[arg(long)]
        text_field: Option<String>,
        /// Who the spans the file does not say the making of record as importing them
        /// (default: git's user.name, else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// Write the tagged spans as JSON, JSONL, CSV, doccano or spaCy JSONL, Label Studio
    /// JSON, W3C Web Annotations (to stdout without -o) or brat files (into -o FOLDER).
    Export {
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// The fact-check desk's claims: every claim as a CSV row (status, verdict, claimant,
    /// sources, figures, article), or the checked ones as schema.org ClaimReview JSON-LD
    /// (to stdout without -o; what was left out goes to stderr).
    Claims {
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = claims::ClaimsFormat::Csv)]
        format: claims::ClaimsFormat,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// An HTML report of the project, one file that opens offline in any browser: per
    /// article its source, claims with verdicts, quotes by speaker and figures with
    /// values, and charts of claims by verdict and spans per label (to stdout without -o).
    Report {
        project: PathBuf,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Spans per label per document.
    Stats { project: PathBuf },
    /// Propose quotes (with speakers), figures and claims; --apply adds the confident
    /// ones as spans (skipping exact duplicates of existing spans).
    Suggest {
        project: PathBuf,
        /// Only these labels, comma-separated (default: all three).
        #[arg(long, value_delimiter = ',')]
        labels: Vec<String>,
        /// Add the suggestions at or above the confidence threshold as spans.
        #[arg(long)]
        apply: bool,
        /// Who the added spans record as accepting them (default: git's user.name,
        /// else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// Check a project file and report every problem.
    Validate { project: PathBuf },
    /// List the labels (name, colour, key, spans, attributes) or the relation types,
    /// or add, rename, recolour, re-key or remove a label, or add, rename or remove a
    /// relation type (one change a run; renaming relabels its spans or relations).
    Labels {
        project: PathBuf,
        #[command(flatten)]
        change: Box<labels::LabelArgs>,
    },
    /// What changed between two project files, per document: spans added, removed and
    /// changed, documents and labels added and removed.
    Diff { old: PathBuf, new: PathBuf },
    /// Install the git merge driver and the readable diff in a repository (the
    /// .gitattributes line and the git config entries).
    GitSetup {
        /// The repository (default: this folder).
        #[arg(default_value = ".")]
        repo: PathBuf,
    },
    /// git's three-way merge of a project file (set up by git-setup): BASE OURS THEIRS
    /// NAME, as git's %O %A %B %P; the result replaces OURS. Exit 1 on conflicts, which
    /// stay in the file with both versions.
    #[command(hide = true)]
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        name: String,
    },
    /// A project file as one line per span, for git's textconv.
    #[command(hide = true)]
    Textconv { project: PathBuf },
    /// Share a project among coders: one file per coder in the folder -o, each with its
    /// share of the documents and a seeded random sample every coder gets (to measure
    /// agreement on).
    Assign {
        project: PathBuf,
        /// The coders' names, comma-separated (each names its file: NAME.ron).
        #[arg(long, value_delimiter = ',', required = true)]
        coders: Vec<String>,
        /// The share of documents every coder gets: 20% (or 0.2).
        #[arg(long, value_parser = team::parse_share, default_value = "20%")]
        overlap: f64,
        /// The sample and the shares follow from it: the same seed, the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Keep the project's spans in the coders' files (default: texts only).
        #[arg(long)]
        keep_spans: bool,
        /// The folder for the coders' files (made if missing).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Merge coders' files into a new project: the spans at least N coders gave exactly
    /// (same label and range); the others are listed for adjudication (tab-separated:
    /// document, label, start, end, text, coders, why).
    Merge {
        #[arg(required = true, num_args = 2..)]
        projects: Vec<PathBuf>,
        /// The new project file (never overwritten).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// How many coders must give a span (default: all of them).
        #[arg(long)]
        min_coders: Option<usize>,
        /// Who the merged spans record as adjudicating them (default: git's user.name,
        /// else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// Open the window on a curated project with coders' files as read-only layers, to
    /// compare them and take their versions. A curated file that does not exist yet is
    /// made first from the coders' texts (every text once, no spans).
    Adjudicate {
        curated: PathBuf,
        /// One project file per coder (the file name names the coder).
        #[arg(required = true, num_args = 1..)]
        coders: Vec<PathBuf>,
        /// Who the spans taken record as adjudicating them (default: the name the
        /// window remembers, else git's user.name, else the login name).
        #[arg(long)]
        coder: Option<String>,
    },
    /// Agreement of coders' project files (one per coder; documents matched by their
    /// text): exact and overlap F1 per pair of coders, Krippendorff's α_u, per label, per
    /// document and overall, and agreement on the attributes of matched spans.
    Agree {
        /// Two or more project files, one per coder (the file name names the coder).
        #[arg(required = true, num_args = 2..)]
        projects: Vec<PathBuf>,
        /// Only these labels, comma-separated (default: every label of the files).
        #[arg(long, value_delimiter = ',')]
        labels: Vec<String>,
        #[arg(long, value_enum, default_value_t = agree::Output::Table)]
        format: agree::Output,
    },
}

/// Where one added article comes from (`spanmark add ARTICLE --url …`).
#[derive(Debug, clap::Args)]
pub struct MetaArgs {
    /// The article's address.
    #[arg(long)]
    url: Option<String>,
    /// The publication it appeared in.
    #[arg(long)]
    outlet: Option<String>,
    /// An author (repeat for several).
    #[arg(long = "author")]
    authors: Vec<String>,
    /// The publication date, YYYY-MM-DD.
    #[arg(long)]
    date: Option<String>,
    /// Its language: en, uk, pt-BR.
    #[arg(long)]
    language: Option<String>,
}

impl MetaArgs {
    fn into_meta(self) -> crate::model::ArticleMeta {
        crate::model::ArticleMeta {
            url: self.url,
            outlet: self.outlet,
            authors: self.authors,
            published: self.date,
            language: self.language,
            extra: Default::default(),
        }
        .cleaned()
    }
}

/// Parses the arguments, runs the command and turns the outcome into an exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version exit 0, usage errors 2.
        Err(err) => err.exit(),
    };
    let Some(command) = cli.command else {
        return match crate::app::run(crate::app::Config::new(cli.paths)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        };
    };
    if let Command::MergeDriver {
        base,
        ours,
        theirs,
        name,
    } = &command
    {
        return match git::merge_driver(base, ours, theirs, name) {
            Ok(code) => code,
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::FAILURE
            }
        };
    }
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if let Some(StoreError::Invalid { problems, .. }) = err.downcast_ref::<StoreError>() {
                for problem in problems {
                    eprintln!("  {problem}");
                }
            }
            // Every message carries its cause inline and ends with the path.
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::New {
            project,
            name,
            articles,
        } => new(&project, name, &articles),
        Command::Add {
            project,
            articles,
            text_column,
            meta,
        } => add(
            &project,
            &articles,
            text_column.as_deref(),
            meta.into_meta(),
        ),
        Command::Import {
            project,
            file,
            format,
            text_field,
            coder,
        } => import_file(
            &project,
            &file,
            format,
            &import::ReadOptions { text_field },
            coder_name(coder)?.as_deref(),
        ),
        Command::Export {
            project,
            format,
            output,
        } => export(&project, format, output.as_deref()),
        Command::Claims {
            project,
            format,
            output,
        } => claims::run(&project, format, output.as_deref()),
        Command::Report { project, output } => report::run(&project, output.as_deref()),
        Command::Stats { project } => stats(&project),
        Command::Suggest {
            project,
            labels,
            apply,
            coder,
        } => suggest(&project, &labels, apply, coder_name(coder)?.as_deref()),
        Command::Validate { project } => validate(&project),
        Command::Labels { project, change } => labels::run(&project, *change),
        Command::Diff { old, new } => git::run_diff(&old, &new),
        Command::GitSetup { repo } => git::git_setup(&repo),
        Command::Textconv { project } => git::textconv(&project),
        // main() runs it, for its exit status.
        Command::MergeDriver { .. } => Ok(()),
        Command::Assign {
            project,
            coders,
            overlap,
            seed,
            keep_spans,
            output,
        } => team::run_assign(&project, &coders, overlap, seed, keep_spans, &output),
        Command::Merge {
            projects,
            output,
            min_coders,
            coder,
        } => team::run_merge(
            &projects,
            min_coders.unwrap_or(projects.len()),
            &output,
            coder_name(coder)?,
        ),
        Command::Agree {
            projects,
            labels,
            format,
        } => agree::run(&projects, &labels, format),
        Command::Adjudicate {
            curated,
            coders,
            coder,
        } => team::run_adjudicate(&curated, &coders, coder_name(coder)?),
    }
}

/// The name `--coder` gave, made usable; a name of blanks only is refused.
fn coder_name(given: Option<String>) -> anyhow::Result<Option<String>> {
    match given {
        None => Ok(None),
        Some(name) => match crate::session::cleaned_coder(&name) {
            Some(name) => Ok(Some(name)),
            None => bail!(
                "--coder needs a name (it was {})",
                crate::shown::quoted(&name)
            ),
        },
    }
}

fn export(path: &Path, format: ExportFormat, output: Option<&Path>) -> anyhow::Result<()> {
    let Some(out) = output else {
        if format.is_folder() {
            bail!("brat writes a .txt and an .ann file per document: give a folder with -o");
        }
        let project = store::load(path)?;
        let bytes = formats::export(&project, format)
            .map_err(|err| anyhow!("{err}: {}", path.display()))?;
        for note in formats::export_notes(&project, format) {
            eprintln!("note: {note}");
        }
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(&bytes)
            .and_then(|()| stdout.flush())
            .map_err(|err| anyhow!("cannot write to stdout ({err})"));
    };
    if same_file(out, path) {
        bail!(
            "refusing to overwrite the project with its export: {}",
            out.display()
        );
    }
    let project = store::load(path)?;
    let written = formats::write_export(&project, format, out)?;
    for note in &written.notes {
        eprintln!("note: {note}");
    }
    let relations = match written.relations {
        0 => String::new(),
        1 => " and 1 relation".to_owned(),
        n => format!(" and {n} relations"),
    };
    eprintln!(
        "exported {} documents, {} spans{relations} to {}",
        written.documents,
        written.spans,
        out.display()
    );
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn stats(path: &Path) -> anyhow::Result<()> {
    let project = store::load(path)?;
    print!("{}", stats_table(&project));
    Ok(())
}

/// Spans per label per document, with totals, as an aligned text table: the figures
/// the window's statistics show, computed by [`ProjectStats`].
pub fn stats_table(project: &Project) -> String {
    ProjectStats::of(project).documents_table()
}

fn suggest(path: &Path, labels: &[String], apply: bool, coder: Option<&str>) -> anyhow::Result<()> {
    for label in labels {
        if !["quote", "claim", "figure"].contains(&label.as_str()) {
            bail!(
                "no detector for label \"{label}\" (there are quote, claim and figure): {}",
                path.display()
            );
        }
    }
    let wanted: Vec<&str> = labels.iter().map(String::as_str).collect();
    if apply {
        let (lock, mut session, stamp) = load_for_change(path, "suggest")?;
        session.set_coder(coder);
        let found = session
            .project()
            .documents()
            .iter()
            .map(|doc| (doc.id, crate::suggest::suggest(doc.text(), &wanted)))
            .collect();
        let accepted = session
            .accept_confident(found)
            .map_err(|err| anyhow!("cannot add the suggestions ({err}): {}", path.display()))?;
        if session.is_dirty() {
            store::save_expecting(session.project(), path, &stamp)?;
        }
        drop(lock);
        let rejected = if accepted.rejected > 0 {
            format!(", {} rejected before", accepted.rejected)
        } else {
            String::new()
        };
        println!(
            "added {} suggested spans ({} already there{rejected}) to {}",
            accepted.added,
            accepted.already_there,
            path.display()
        );
        return Ok(());
    }
    let project = store::load(path)?;
    let mut out = std::io::stdout().lock();
    let mut shown = 0;
    for doc in project.documents() {
        for s in crate::suggest::suggest(doc.text(), &wanted) {
            let text = doc.slice(s.range).unwrap_or("");
            let speaker = s
                .attributes
                .get("speaker")
                .map(String::as_str)
                .unwrap_or("");
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{:.2}\t{}\t{:?}\t{speaker}",
                doc.name, s.label, s.range.start, s.range.end, s.confidence, s.rule, text
            )
            .map_err(|err| anyhow!("cannot write to stdout ({err})"))?;
            shown += 1;
        }
    }
    eprintln!(
        "{shown} suggestions (confidence >= {} are the detectors' answer)",
        crate::suggest::CONFIDENT
    );
    Ok(())
}

fn validate(path: &Path) -> anyhow::Result<()> {
    let project = store::load(path)?;
    let mut conflicts = 0;
    for doc in project.documents() {
        for c in doc.conflicts() {
            conflicts += 1;
            let version = |v: &Option<crate::model::Span>| {
                v.as_ref().map_or("deleted".to_owned(), |s| {
                    let text = doc.slice(s.range).unwrap_or("");
                    format!("{} {} {}", s.label, s.range, crate::shown::quoted(text))
                })
            };
            println!(
                "merge conflict in {}: ours {}, theirs {}",
                crate::shown::quoted(&doc.name),
                version(&c.ours),
                version(&c.theirs)
            );
        }
    }
    if conflicts > 0 {
        let s = if conflicts == 1 { "" } else { "s" };
        bail!(
            "{conflicts} merge conflict{s} to settle (the project keeps our version meanwhile): {}",
            path.display()
        );
    }
    let findings = crate::model::check::findings(&project);
    for finding in &findings {
        println!("{finding}");
    }
    if !findings.is_empty() {
        bail!(
            "{} fit the project's labels (kept as they are; fix them in the window): {}",
            crate::model::check::count_phrase(findings.len()),
            path.display()
        );
    }
    println!(
        "ok: {} documents, {} spans, {} relations, {} labels: {}",
        project.documents().len(),
        project.span_count(),
        project.relation_count(),
        project.labels.len(),
        path.display()
    );
    Ok(())
}
