import ChildLinkMatching
import ChildLinkStore
import Foundation

/// Turns a run's fitted model into the store's form and back: the parameters as JSON, the two
/// term-frequency tables packed as little-endian (hash UInt64, share Float32) pairs sorted by hash.
enum StoredModelCoding {
    /// The encoding written by this version.
    static let format = "childlink-model-1"

    /// The link thresholds the run used, kept with the model so a footprint judges links the same way.
    struct Thresholds: Codable, Hashable {
        var link: Double
        var review: Double
    }

    /// The JSON part: the parameters without their frequency tables, and the thresholds.
    private struct Header: Codable {
        var parameters: MatchModelParameters
        var thresholds: Thresholds
    }

    /// The stored form of `result`'s model, fitted with `options`.
    static func encode(_ result: LinkResult, options: LinkOptions) throws -> StoredModelData {
        var parameters = result.modelParameters
        let forenames = pack(parameters.forenameFrequency)
        let surnames = pack(parameters.surnameFrequency)
        parameters.forenameFrequency = [:]
        parameters.surnameFrequency = [:]
        let header = Header(
            parameters: parameters,
            thresholds: Thresholds(link: options.linkThreshold, review: options.reviewThreshold))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return StoredModelData(
            format: format, parametersJSON: String(decoding: try encoder.encode(header), as: UTF8.self),
            forenameFrequency: forenames, surnameFrequency: surnames)
    }

    /// The model and thresholds back, or `nil` when the format or the comparisons' levels are not this version's.
    static func decode(_ stored: StoredModelData) -> (model: StoredMatchModel, thresholds: Thresholds)? {
        guard stored.format == format,
            var header = try? JSONDecoder().decode(Header.self, from: Data(stored.parametersJSON.utf8)),
            let forenames = unpack(stored.forenameFrequency), let surnames = unpack(stored.surnameFrequency)
        else { return nil }
        header.parameters.forenameFrequency = forenames
        header.parameters.surnameFrequency = surnames
        return StoredMatchModel(header.parameters).map { ($0, header.thresholds) }
    }

    /// The identifiers the store's latest model read as placeholders (none when it holds no model,
    /// or one of another format).
    ///
    /// - Throws: ``StoreError`` when the store cannot be read.
    static func latestPlaceholders(in store: ChildLinkStore) throws -> PlaceholderIdentifiers {
        try store.latestModel().flatMap { decode($0)?.model.placeholders } ?? PlaceholderIdentifiers()
    }

    static func pack(_ table: [UInt64: Float]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(table.count * 12)
        for (hash, share) in table.sorted(by: { $0.key < $1.key }) {
            withUnsafeBytes(of: hash.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: share.bitPattern.littleEndian) { bytes += $0 }
        }
        return Data(bytes)
    }

    static func unpack(_ data: Data) -> [UInt64: Float]? {
        guard data.count % 12 == 0 else { return nil }
        let bytes = [UInt8](data)
        var table: [UInt64: Float] = [:]
        table.reserveCapacity(bytes.count / 12)
        var offset = 0
        while offset < bytes.count {
            var hash: UInt64 = 0
            for index in 0..<8 { hash |= UInt64(bytes[offset + index]) << (8 * index) }
            var bits: UInt32 = 0
            for index in 0..<4 { bits |= UInt32(bytes[offset + 8 + index]) << (8 * index) }
            table[hash] = Float(bitPattern: bits)
            offset += 12
        }
        return table
    }
}
