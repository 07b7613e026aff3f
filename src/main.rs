fn main() -> std::process::ExitCode {
    coachlog::run::main()
}
