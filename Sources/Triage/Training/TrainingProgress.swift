import Foundation

/// Progress reports from `TriageTrainer`, for a command line to print.
public struct TrainingProgress: Sendable, Hashable, CustomStringConvertible {
    public enum Phase: String, Sendable, Hashable {
        case features
        case calibration
        case training
        case quantizing
    }

    public var phase: Phase
    public var epoch: Int
    public var epochs: Int
    /// Mean weighted cross-entropy of the epoch (0 outside epochs).
    public var loss: Double

    public var description: String {
        switch phase {
        case .features: "extracting features"
        case .calibration: "calibration pass epoch \(epoch)/\(epochs) loss \(String(format: "%.4f", loss))"
        case .training: "epoch \(epoch)/\(epochs) loss \(String(format: "%.4f", loss))"
        case .quantizing: "quantising weights"
        }
    }
}
