extension TrainingConfiguration {
    /// Rejects impossible schedule settings before any step.
    func validateOptions(hasValidation: Bool) throws(TrainingError) {
        try learningRateSchedule?.validate()
    }
}
