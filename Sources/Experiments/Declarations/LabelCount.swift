/// Most labels a dataset (and so any per-label list) may have.
public enum LabelCount {
    public static let most = 16
}
