use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = coachlog::cli::Cli::parse();
    match coachlog::run::run(cli) {
        Ok(code) => code,
        Err(error) => {
            let message = format!("{error:#}");
            eprintln!("coachlog: {}", coachlog::text::line(&message));
            ExitCode::FAILURE
        }
    }
}
