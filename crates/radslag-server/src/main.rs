//! `radslag`: serves the built Rådslag app and relays workspace documents
//! between members.

mod ics_feed;
mod import_cmd;
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
    /// Parse a text file of minutes and print what was found.
    Import {
        /// A plain-text file of minutes (UTF-8), e.g. a PDF's text.
        file: std::path::PathBuf,
        /// Print the parsed meeting as JSON.
        #[arg(long)]
        json: bool,
        /// The year of dates written without one, when the text has no date.
        #[arg(long)]
        year: Option<i32>,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Serve(options) => serve::run(*options),
        Command::Import { file, json, year } => import_cmd::run(&file, json, year),
    }
}
