// The pinyin engine: librime started over data deployed at build time, with a private
// throwaway user folder, and OpenCC for the resident's script. Sessions (one per resident) come
// from here. Rime is process-wide, so there is one Engine at a time; all calls on one thread
// (the UI thread).
#pragma once

#include "error.hpp"
#include "script.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace hk::ime {

class Session;

// Candidates on one page of the candidates bar; a widget may ask for another count.
inline constexpr std::size_t kPageSize = 6;

class Engine {
public:
    // Starts Rime over `deployed_dir`, the output of rime_deployer (the hk_ime_rime target).
    // Nothing is deployed or compiled here: a folder without the compiled luna_pinyin schema
    // is refused with a message that says so. Fails too while another Engine runs.
    static Result<std::unique_ptr<Engine>> start(const std::filesystem::path& deployed_dir);

    // Ends Rime and removes the private user folder. Sessions must have ended before.
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // A resident's session, empty, writing `script`. Sessions share nothing with each other.
    Result<Session> session(Script script, std::size_t page_size = kPageSize);

    // The folder Rime was given as its user folder: created empty and private at start, removed
    // with the Engine. The schema learns nothing, so it stays as it was; tests look.
    const std::filesystem::path& user_dir() const { return user_dir_; }
    const std::filesystem::path& deployed_dir() const { return deployed_dir_; }

private:
    Engine(std::filesystem::path deployed_dir, std::filesystem::path user_dir, ScriptConverter converter);

    std::filesystem::path deployed_dir_;
    std::filesystem::path user_dir_;
    ScriptConverter converter_;
    // A session kept open for the Engine's life: Rime keeps dictionaries loaded only while a
    // session uses them, so each resident's session would otherwise load them again.
    std::uintptr_t warm_session_ = 0;
};

} // namespace hk::ime
