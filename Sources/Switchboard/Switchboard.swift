import ArgumentParser

/// The command tree. The process starts in ``SwitchboardMain``, which runs it.
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "WhatsApp and email support desk that lives in IRC.",
        subcommands: [
            ServeCommand.self, CheckConfigCommand.self, ParseEmailCommand.self, IngestEmailCommand.self, ExportCommand.self, ImportCustomersCommand.self,
            KBCommand.self, ReportCommand.self, TriageCommand.self, TrainCommand.self, EvalCommand.self, BackupCommand.self, ForgetCommand.self,
            RetentionCommand.self,
        ]
    )
}
