@_exported import Datasets
@_exported import NeuralCore
