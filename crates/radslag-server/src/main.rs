//! `radslag`: serves the built Rådslag app and relays workspace documents
//! between members.

mod archive;
mod ics_feed;
mod import_cmd;
mod ocr;
mod relay;
mod serve;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "radslag",
    version,
    about = "Rådslag: minutes, actions and the annual wheel for collaboration groups"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the built app over HTTP on loopback.
    Serve(Box<serve::Options>),
    /// Read minutes from a file (text, PDF, Word .docx, or a scan through
    /// OCR) and print what was found; or import every file under a folder
    /// into a workspace through a relay (--into, --relay), or try it
    /// (--dry-run).
    Import {
        /// A file of minutes, or a folder of them.
        path: std::path::PathBuf,
        /// Print the parsed meeting as JSON (one file).
        #[arg(long)]
        json: bool,
        /// The year of dates written without one, when the text has no date.
        #[arg(long)]
        year: Option<i32>,
        /// The workspace to write into: automerge:<id> (its invitation link's id).
        #[arg(long, value_name = "automerge:ID")]
        into: Option<String>,
        /// The relay to write through: ws://HOST/sync.
        #[arg(long, env = "RADSLAG_RELAY", value_name = "URL")]
        relay: Option<String>,
        /// Read every file and print what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Seconds to wait for the relay.
        #[arg(long, default_value_t = 60)]
        timeout: u64,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Serve(options) => serve::run(*options),
        Command::Import {
            path,
            json,
            year,
            into,
            relay,
            dry_run,
            timeout,
        } => {
            if path.is_dir() || into.is_some() || dry_run {
                if json {
                    anyhow::bail!(
                        "--json prints one file's minutes: give a file, without --into or --dry-run"
                    );
                }
                archive::run(archive::Options {
                    path,
                    into,
                    relay,
                    dry_run,
                    year,
                    timeout: std::time::Duration::from_secs(timeout),
                })
            } else {
                import_cmd::run(&path, json, year)
            }
        }
    }
}
