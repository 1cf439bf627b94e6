#include "demodata.h"

#include <array>
#include <climits>
#include <memory>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>
#include <random>
#include <utility>
#include <zlib.h>

namespace {

using Command = QList<QByteArray>;
using Commands = QList<Command>;
using Fields = QList<std::pair<QByteArray, QByteArray>>;

// A fixed "now" (2023-11-14) keeps timestamps, and so the whole data set, deterministic.
constexpr qint64 kNowMs = 1700000000000;
constexpr qint64 kDayMs = 24 * 3600 * 1000;

constexpr std::array kFirstNames{"Ada",   "Grace", "Linus",   "Margaret", "Ken",  "Barbara", "Dennis",
                                 "Radia", "Alan",  "Frances", "Edsger",   "Hedy", "Tim",     "Sophie"};
constexpr std::array kLastNames{"Lovelace", "Hopper",  "Torvalds", "Hamilton", "Thompson",
                                "Liskov",   "Ritchie", "Perlman",  "Turing",   "Allen",
                                "Dijkstra", "Lamarr",  "Berners",  "Wilson"};
constexpr std::array kPlans{"free", "free", "free", "pro", "pro", "team", "enterprise"};
constexpr std::array kDeviceTypes{"thermostat", "door-sensor", "camera", "smart-plug", "air-quality"};
constexpr std::array kUserAgents{"Mozilla/5.0 (X11; Linux x86_64) Firefox/119.0",
                                 "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Safari/605.1.15",
                                 "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/119.0", "okhttp/4.12.0",
                                 "MyApp/3.2.1 (iPhone; iOS 17.1)"};
constexpr std::array kOrderStatuses{"created", "paid", "paid", "shipped", "refunded"};
constexpr std::array kCurrencies{"EUR", "USD", "GBP"};

// std::mt19937 is fully specified; the std distributions are not, so they are avoided.
quint32 below(std::mt19937 &rng, quint32 bound)
{
    return rng() % bound;
}

template <typename Array> QByteArray pick(std::mt19937 &rng, const Array &values)
{
    return QByteArray(values[below(rng, quint32(values.size()))]);
}

QByteArray num(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray hex(std::mt19937 &rng, int digits)
{
    QByteArray out;
    out.reserve(digits);
    for (int i = 0; i < digits; ++i)
        out.append("0123456789abcdef"[below(rng, 16)]);
    return out;
}

// The operands of + are unsequenced: every draw from rng gets its own statement (or a braced list,
// which is evaluated left to right), so all compilers produce the same data.
QByteArray uuid(std::mt19937 &rng)
{
    QByteArray out = hex(rng, 8);
    for (const int digits : {4, 4, 4, 12})
        out += '-' + hex(rng, digits);
    return out;
}

Command hset(const QByteArray &key, const Fields &fields)
{
    Command command{"HSET", key};
    for (const auto &[field, value] : fields)
        command << field << value;
    return command;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray isoTime(qint64 msSinceEpoch)
{
    const QDate date = QDate(1970, 1, 1).addDays(msSinceEpoch / kDayMs);
    const QTime time = QTime::fromMSecsSinceStartOfDay(int(msSinceEpoch % kDayMs));
    return (date.toString(Qt::ISODate) + QLatin1Char('T') + time.toString(Qt::ISODate) + QLatin1Char('Z'))
        .toUtf8();
}

// Some time in the last `days` days, to the millisecond.
qint64 recent(std::mt19937 &rng, int days)
{
    const qint64 seconds = below(rng, quint32(days) * 24 * 3600);
    return kNowMs - seconds * 1000 - below(rng, 1000);
}

QByteArray fullName(std::mt19937 &rng)
{
    const QByteArray first = pick(rng, kFirstNames);
    return first + ' ' + pick(rng, kLastNames);
}

QByteArray privateIp(std::mt19937 &rng)
{
    QByteArray out = "10";
    for (int i = 0; i < 3; ++i)
        out += '.' + num(below(rng, 256));
    return out;
}

void addUsers(std::mt19937 &rng, Commands &out, int count)
{
    for (int n = 1; n <= count; ++n) {
        const QByteArray first = pick(rng, kFirstNames);
        const QByteArray last = pick(rng, kLastNames);
        out.append({"HSET", "user:" + num(n), "name", first + ' ' + last, "email",
                    first.toLower() + '.' + last.toLower() + num(n) + "@example.com", "plan",
                    pick(rng, kPlans), "created_at", isoTime(recent(rng, 900))});
    }
}

void addSessions(std::mt19937 &rng, Commands &out, int count, int users)
{
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "sess:" + uuid(rng);
        const qint64 userId = 1 + below(rng, quint32(users));
        const qint64 created = recent(rng, 1);
        if (i % 2 == 0) {
            out.append({"HSET", key, "user_id", num(userId), "ip", privateIp(rng), "user_agent",
                        pick(rng, kUserAgents), "created_at", num(created)});
            out.append({"EXPIRE", key, "1800"});
        } else {
            const QByteArray value = json({{QStringLiteral("user_id"), userId},
                                           {QStringLiteral("csrf"), QString::fromLatin1(hex(rng, 32))},
                                           {QStringLiteral("remember"), below(rng, 4) == 0},
                                           {QStringLiteral("created_at"), created}});
            out.append({"SET", key, value, "EX", "1800"});
        }
    }
}

QJsonObject deviceReading(std::mt19937 &rng, int device)
{
    return {{QStringLiteral("device"), QStringLiteral("dev-%1").arg(device, 5, 10, QLatin1Char('0'))},
            {QStringLiteral("temperature"), 15 + below(rng, 150) / 10.0},
            {QStringLiteral("humidity"), int(30 + below(rng, 50))},
            {QStringLiteral("battery"), int(below(rng, 101))},
            {QStringLiteral("at"), QString::fromLatin1(isoTime(recent(rng, 1)))}};
}

void addCaches(std::mt19937 &rng, Commands &out)
{
    for (int id = 1; id <= 60; ++id) {
        QJsonArray widgets;
        for (int w = 0; w < 4; ++w)
            widgets.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("chart")},
                                       {QStringLiteral("value"), int(below(rng, 10000))}});
        out.append({"SET", "cache:dashboard:" + num(id),
                    json({{QStringLiteral("widgets"), widgets},
                          {QStringLiteral("generated_at"), QString::fromLatin1(isoTime(kNowMs))}}),
                    "EX", "10"});
    }
    for (int id = 1; id <= 300; ++id) {
        QJsonObject device = deviceReading(rng, id);
        device.insert(QStringLiteral("type"), QString::fromLatin1(pick(rng, kDeviceTypes)));
        device.insert(QStringLiteral("online"), below(rng, 5) != 0);
        out.append({"SET", "cache:device:" + num(id), json(device), "EX", "300"});
    }
    for (int id = 1; id <= 200; ++id) {
        const int low = int(below(rng, 20));
        out.append(
            {"SET", "cache:hourly:" + num(id),
             json({{QStringLiteral("device"), QStringLiteral("dev-%1").arg(id, 5, 10, QLatin1Char('0'))},
                   {QStringLiteral("hour"), QString::fromLatin1(isoTime(kNowMs - kNowMs % 3600000))},
                   {QStringLiteral("min"), low},
                   {QStringLiteral("max"), low + int(below(rng, 10))},
                   {QStringLiteral("samples"), 60}}),
             "EX", "900"});
    }
    for (int id = 1; id <= 200; ++id)
        out.append({"SET", "cache:latest:" + num(id), json(deviceReading(rng, id)), "EX", "600"});
    for (int id = 1; id <= 60; ++id) {
        QJsonArray readings;
        for (int r = 0; r < 24; ++r)
            readings.append(deviceReading(rng, id));
        const QByteArray report =
            json({{QStringLiteral("device"), id}, {QStringLiteral("readings"), readings}});
        out.append({"SET", "cache:gz:" + num(id), DemoData::gzip(report), "EX", "3600"});
        out.append({"SET", "cache:gzb64:" + num(id), DemoData::gzip(report).toBase64(), "EX", "3600"});
    }
}

// A Bull (Node.js) queue: job hashes plus the lists and sorted sets Bull keeps its job ids in.
void addQueue(std::mt19937 &rng, Commands &out, int users)
{
    const QByteArray prefix = "bull:photo-analyze:";
    constexpr int jobs = 400;
    constexpr int completed = 300;
    constexpr int failed = 340;
    constexpr int active = 350;
    const QByteArray opts =
        json({{QStringLiteral("attempts"), 3},
              {QStringLiteral("backoff"), QJsonObject{{QStringLiteral("type"), QStringLiteral("exponential")},
                                                      {QStringLiteral("delay"), 1000}}},
              {QStringLiteral("removeOnComplete"), false}});
    Command completedSet{"ZADD", prefix + "completed"};
    Command failedSet{"ZADD", prefix + "failed"};
    Command activeList{"LPUSH", prefix + "active"};
    Command waitList{"LPUSH", prefix + "wait"};
    for (int id = 1; id <= jobs; ++id) {
        const qint64 timestamp = kNowMs - qint64(jobs - id) * 7000 - below(rng, 5000);
        const QByteArray data = json(
            {{QStringLiteral("photoId"), QString::fromLatin1(hex(rng, 24))},
             {QStringLiteral("userId"), int(1 + below(rng, quint32(users)))},
             {QStringLiteral("url"),
              QStringLiteral("https://cdn.example.com/p/%1.jpg").arg(QString::fromLatin1(hex(rng, 16)))}});
        Fields job{{"name", "analyze"}, {"data", data}, {"opts", opts}, {"timestamp", num(timestamp)}};
        if (id <= completed) {
            const qint64 finished = timestamp + 500 + below(rng, 4000);
            const QByteArray result =
                json({{QStringLiteral("labels"), QJsonArray{QStringLiteral("cat"), QStringLiteral("sofa")}},
                      {QStringLiteral("faces"), int(below(rng, 4))}});
            job += {{"attemptsMade", "1"},
                    {"processedOn", num(timestamp + 20)},
                    {"finishedOn", num(finished)},
                    {"returnvalue", result}};
            completedSet << num(finished) << num(id);
        } else if (id <= failed) {
            const qint64 finished = timestamp + 30000;
            job += {
                {"attemptsMade", "3"},
                {"processedOn", num(timestamp + 20)},
                {"finishedOn", num(finished)},
                {"failedReason", "Error: timeout of 30000ms exceeded"},
                {"stacktrace",
                 R"json(["Error: timeout of 30000ms exceeded\n    at analyze (/app/worker.js:42:11)"])json"}};
            failedSet << num(finished) << num(id);
        } else if (id <= active) {
            job += {{"attemptsMade", "0"}, {"processedOn", num(timestamp + 20)}};
            activeList << num(id);
        } else {
            job += {{"attemptsMade", "0"}};
            waitList << num(id);
        }
        out.append(hset(prefix + num(id), job));
    }
    out.append(completedSet);
    out.append(failedSet);
    out.append(activeList);
    out.append(waitList);
    out.append({"SET", prefix + "id", num(jobs)});
}

void addSetsAndRankings(std::mt19937 &rng, Commands &out, int users)
{
    Command online{"SADD", "online:users"};
    for (int i = 0; i < 250; ++i)
        online << num(1 + below(rng, quint32(users)));
    out.append(online);
    Command leaderboard{"ZADD", "leaderboard:weekly"};
    for (int n = 1; n <= 500; ++n)
        leaderboard << num(below(rng, 100000)) << "user:" + num(n);
    out.append(leaderboard);
}

// An order stream with a consumer group that has read (and partly acknowledged) some entries.
void addStream(std::mt19937 &rng, Commands &out, int users)
{
    const QByteArray key = "events:orders";
    constexpr int entries = 300;
    QList<QByteArray> ids;
    for (int i = 0; i < entries; ++i) {
        ids.append(num(kNowMs - qint64(entries - i) * 60000) + "-0");
        out.append({"XADD", key, ids.last(), "order_id", "ord_" + hex(rng, 10), "user_id",
                    num(1 + below(rng, quint32(users))), "amount", num(100 + below(rng, 20000)), "currency",
                    pick(rng, kCurrencies), "status", pick(rng, kOrderStatuses)});
    }
    out.append({"XGROUP", "CREATE", key, "billing", "0"});
    out.append({"XGROUP", "CREATE", key, "analytics", "$"});
    out.append({"XREADGROUP", "GROUP", "billing", "worker-1", "COUNT", "10", "STREAMS", key, ">"});
    out.append({"XREADGROUP", "GROUP", "billing", "worker-2", "COUNT", "5", "STREAMS", key, ">"});
    out.append({"XACK", key, "billing", ids.at(0), ids.at(1), ids.at(2)});
}

void addNamespaces(std::mt19937 &rng, Commands &out, int users)
{
    for (int n = 1; n <= 40; ++n) {
        const int total = 500 + int(below(rng, 5000));
        const int processed = int(below(rng, quint32(total + 1)));
        out.append({"HSET", "batch:" + num(n) + ":progress", "total", num(total), "processed", num(processed),
                    "failed", num(below(rng, 20)), "state", processed == total ? "done" : "running"});
    }
    for (int n = 1; n <= 300; ++n)
        out.append({"SET", "app:user:" + num(n) + ":session",
                    json({{QStringLiteral("token"), QString::fromLatin1(hex(rng, 40))},
                          {QStringLiteral("expires_at"), QString::fromLatin1(isoTime(kNowMs + kDayMs))}}),
                    "EX", "86400"});
    for (int n = 1; n <= 100; ++n)
        out.append({"HSET",
                    "app:eu:prod:tenant:" + num(1 + n % 7) + ":user:" + num(1 + below(rng, quint32(users))) +
                        ":settings:" + num(n),
                    "theme", below(rng, 2) ? "dark" : "light", "locale", below(rng, 2) ? "en_GB" : "de_DE",
                    "owner", fullName(rng)});
}

// Keys that break naive tools: bytes that are not UTF-8 (with a NUL), control characters, markup.
void addAwkwardKeys(Commands &out)
{
    out.append({"SET", QByteArray("bin:\xff\xfe\x00key", 10), QByteArray("\x00\x01\x02\xff\xfe\x80", 6)});
    out.append({"SET", "weird:line\nbreak", "first line\nsecond line"});
    out.append({"SET", "weird:tab\there", "tab\tseparated"});
    out.append({"SET", "weird:key with spaces", "spaces"});
    out.append({"SET", R"(weird:"quoted" 'key')", "quotes"});
    out.append({"SET", "html:<script>alert(1)</script>", "<img src=x onerror=alert(1)>"});
    out.append({"HSET", "html:<b>bold</b>", "<i>field</i>", "<a href=\"javascript:alert(1)\">x</a>"});
    out.append({"SET", "unicode:日本語:キー", "値"});
    out.append({"SET", "emoji:\xf0\x9f\x94\xa5:hot", "\xf0\x9f\x94\xa5"});
    out.append({"SET", "empty:value", ""});
}

} // namespace

namespace DemoData {

QList<QList<QByteArray>> commands(quint32 seed)
{
    std::mt19937 rng(seed);
    constexpr int users = 1200;
    Commands out;
    addUsers(rng, out, users);
    addSessions(rng, out, 700, users);
    addCaches(rng, out);
    addQueue(rng, out, users);
    addSetsAndRankings(rng, out, users);
    addStream(rng, out, users);
    addNamespaces(rng, out, users);
    addAwkwardKeys(out);
    return out;
}

QByteArray gzip(const QByteArray &data)
{
    struct DeflateEnd
    {
        void operator()(z_stream *stream) const { deflateEnd(stream); }
    };
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    const std::unique_ptr<z_stream, DeflateEnd> guard(&stream);

    QByteArray out;
    std::array<char, 16384> buffer{};
    const char *input = data.constData();
    qsizetype left = data.size();
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        if (stream.avail_in == 0 && left > 0) {
            const qsizetype chunk = qMin<qsizetype>(left, INT_MAX);
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input));
            stream.avail_in = uInt(chunk);
            input += chunk;
            left -= chunk;
        }
        stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
        stream.avail_out = uInt(buffer.size());
        result = deflate(&stream, left > 0 ? Z_NO_FLUSH : Z_FINISH);
        if (result == Z_STREAM_ERROR)
            return {};
        out.append(buffer.data(), qsizetype(buffer.size() - stream.avail_out));
    }
    return out;
}

} // namespace DemoData
