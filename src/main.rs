//! The spanmark binary: command-line arguments to a subcommand; errors to an exit code.

fn main() -> std::process::ExitCode {
    spanmark::cli::main()
}
