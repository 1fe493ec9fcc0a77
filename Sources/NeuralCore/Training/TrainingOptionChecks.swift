extension TrainingConfiguration {
    /// Rejects impossible schedule, clipping, early-stopping and augmentation settings before any step.
    func validateOptions(hasValidation: Bool, imageRank: Int) throws(TrainingError) {
        try augmentation?.validate(imageRank: imageRank)
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
