extension TrainingConfiguration {
    /// Rejects impossible schedule and clipping settings before any step.
    func validateOptions(hasValidation: Bool) throws(TrainingError) {
        try learningRateSchedule?.validate()
        try gradientClipping?.validate()
    }
}
