namespace ConnectingCommunities.Domain.Brokerage.Matching;

/// <summary>A point on the earth's surface in decimal degrees (WGS84), e.g. a postcode's centre.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// Straight-line ("as the crow flies") distances. The programme holds postcode centres, not a road
/// network, so a journey is estimated as the great-circle distance between the two postcodes: real
/// journeys are longer, which the travel-time speeds allow for.
/// </summary>
public static class GeoDistance
{
    /// <summary>The mean radius of the earth in statute miles (6,371 km).</summary>
    public const double EarthRadiusMiles = 3958.8;

    /// <summary>Great-circle distance in miles by the haversine formula.</summary>
    public static double Miles(GeoPoint from, GeoPoint to)
    {
        var lat1 = Radians(from.Latitude);
        var lat2 = Radians(to.Latitude);
        var dLat = lat2 - lat1;
        var dLon = Radians(to.Longitude - from.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
