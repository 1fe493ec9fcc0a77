extension TrainingConfiguration {
    /// Rejects impossible schedule, clipping and early-stopping settings before any step.
    func validateOptions(hasValidation: Bool) throws(TrainingError) {
        try learningRateSchedule?.validate()
        try gradientClipping?.validate()
        if let earlyStopping {
            try earlyStopping.validate()
            guard hasValidation else {
                throw TrainingError("early stopping watches the validation loss: give validation data or a validationSplit")
            }
        }
    }
}
