/*
 * A stand-in for WinFsp's winfsp-x64.dll, for running the real padofs.exe under Wine, where no WinFsp driver exists.
 * It exports the entry points PadoFs binds (Native/WinFspLibrary.cs), compiled against WinFsp's own headers, and its
 * dispatcher thread does what the WinFsp dispatcher does when Windows walks the whole volume: volume information,
 * security by name, opens of every folder and file, file information, listings read through a small buffer resumed
 * at markers, reads at varied offsets up to and past the end, closes.
 *
 * What it saw goes to the folder named by PADOFS_STANDIN_OUT: tree\ (every file's bytes at its path), listing.txt
 * (one line per folder and file, in listing order), problems.txt (every unexpected status or value) and
 * lifecycle.txt (each entry point called: create, mount POINT, start, stop, unmount, delete); then an empty file,
 * walked, says the walk is done. When anything was unexpected it ends the process with exit
 * code 3 instead.
 */
#include <assert.h>
#include <windows.h>
/* fsctl.h declares _ReadWriteBarrier as MSVC does; mingw-w64 has it as a macro. */
#undef _ReadWriteBarrier
#define WINFSP_DLL_INTERNAL
#include <winfsp/winfsp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PATH_CAPACITY 2048
/* Room for a few entries only, so every longer listing is resumed at markers. */
#define LISTING_BUFFER_SIZE 512
#define EXIT_UNEXPECTED 3

typedef struct
{
    WCHAR *Name;
    FSP_FSCTL_FILE_INFO Info;
} LISTED_ENTRY;

typedef struct
{
    LISTED_ENTRY *Entries;
    size_t Count, Capacity;
} LISTING;

static WCHAR g_mountPoint[64];
static HANDLE g_dispatcher;
static WCHAR g_out[PATH_CAPACITY];
static FILE *g_listing;
static FILE *g_problems;
static LONG g_problemCount;

static void Utf8(const WCHAR *text, char *utf8, int capacity)
{
    if (0 == WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, capacity, NULL, NULL))
        utf8[0] = 0;
}

static void Problem(const WCHAR *path, const char *format, ...)
{
    char name[PATH_CAPACITY * 3];
    va_list arguments;
    Utf8(path, name, sizeof name);
    InterlockedIncrement(&g_problemCount);
    if (NULL == g_problems)
        return;
    fprintf(g_problems, "%s: ", name);
    va_start(arguments, format);
    vfprintf(g_problems, format, arguments);
    va_end(arguments);
    fputc('\n', g_problems);
    fflush(g_problems);
}

static void Expect(NTSTATUS status, NTSTATUS expected, const WCHAR *path, const char *operation)
{
    if (status != expected)
        Problem(path, "%s returned NTSTATUS 0x%08lX, expected 0x%08lX", operation, (unsigned long)status, (unsigned long)expected);
}

static FILE *OpenOut(const WCHAR *name, const WCHAR *mode)
{
    WCHAR path[PATH_CAPACITY];
    _snwprintf(path, PATH_CAPACITY, L"%ls\\%ls", g_out, name);
    path[PATH_CAPACITY - 1] = 0;
    return _wfopen(path, mode);
}

static void SaveFile(const WCHAR *path, const UINT8 *bytes, UINT64 size)
{
    WCHAR target[PATH_CAPACITY];
    FILE *file;
    _snwprintf(target, PATH_CAPACITY, L"%ls\\tree%ls", g_out, path);
    target[PATH_CAPACITY - 1] = 0;
    file = _wfopen(target, L"wb");
    if (NULL == file)
    {
        Problem(path, "cannot write the copy of this file");
        return;
    }
    if (size != fwrite(bytes, 1, (size_t)size, file))
        Problem(path, "cannot write all bytes of the copy of this file");
    fclose(file);
}

static void SaveFolder(const WCHAR *path)
{
    WCHAR target[PATH_CAPACITY];
    _snwprintf(target, PATH_CAPACITY, L"%ls\\tree%ls", g_out, 0 == wcscmp(path, L"\\") ? L"" : path);
    target[PATH_CAPACITY - 1] = 0;
    if (!CreateDirectoryW(target, NULL) && ERROR_ALREADY_EXISTS != GetLastError())
        Problem(path, "cannot create the copy of this folder");
}

static void Lifecycle(const char *call, const WCHAR *argument)
{
    char text[PATH_CAPACITY * 3];
    FILE *file = OpenOut(L"lifecycle.txt", L"ab");
    if (NULL == file)
        return;
    Utf8(argument, text, sizeof text);
    fprintf(file, "%s%s%s\n", call, 0 == text[0] ? "" : " ", text);
    fclose(file);
}

static void Listed(const char *kind, const WCHAR *path, UINT64 size)
{
    char name[PATH_CAPACITY * 3];
    Utf8(path, name, sizeof name);
    fprintf(g_listing, "%s %s %llu\n", kind, name, (unsigned long long)size);
}

static void Join(WCHAR *child, const WCHAR *folder, const WCHAR *name)
{
    _snwprintf(child, PATH_CAPACITY, L"%ls%ls%ls", folder, 0 == wcscmp(folder, L"\\") ? L"" : L"\\", name);
    child[PATH_CAPACITY - 1] = 0;
}

static void CheckSecurity(FSP_FILE_SYSTEM *fileSystem, const WCHAR *path, BOOLEAN isFolder)
{
    const FSP_FILE_SYSTEM_INTERFACE *callbacks = fileSystem->Interface;
    UINT32 attributes = 0;
    SIZE_T size = 0;
    PSECURITY_DESCRIPTOR descriptor;
    NTSTATUS status;

    /* As the dispatcher asks first: attributes only, then the descriptor into a buffer too small for it. */
    status = callbacks->GetSecurityByName(fileSystem, (PWSTR)path, &attributes, NULL, NULL);
    Expect(status, STATUS_SUCCESS, path, "GetSecurityByName (attributes)");
    if (!!(attributes & FILE_ATTRIBUTE_DIRECTORY) != isFolder || !(attributes & FILE_ATTRIBUTE_READONLY))
        Problem(path, "GetSecurityByName gave attributes 0x%08X", attributes);

    status = callbacks->GetSecurityByName(fileSystem, (PWSTR)path, &attributes, NULL, &size);
    Expect(status, STATUS_BUFFER_OVERFLOW, path, "GetSecurityByName (no room)");
    if (0 == size || size > 64 * 1024)
    {
        Problem(path, "GetSecurityByName gave a descriptor size of %llu", (unsigned long long)size);
        return;
    }

    descriptor = malloc(size);
    status = callbacks->GetSecurityByName(fileSystem, (PWSTR)path, &attributes, descriptor, &size);
    Expect(status, STATUS_SUCCESS, path, "GetSecurityByName (descriptor)");
    if (STATUS_SUCCESS == status && !IsValidSecurityDescriptor(descriptor))
        Problem(path, "GetSecurityByName gave an invalid security descriptor");
    free(descriptor);
}

static BOOLEAN SameInfo(const FSP_FSCTL_FILE_INFO *a, const FSP_FSCTL_FILE_INFO *b)
{
    return a->FileAttributes == b->FileAttributes && a->FileSize == b->FileSize &&
        a->AllocationSize == b->AllocationSize && a->LastWriteTime == b->LastWriteTime;
}

static PVOID OpenChecked(FSP_FILE_SYSTEM *fileSystem, const WCHAR *path, BOOLEAN isFolder, FSP_FSCTL_FILE_INFO *info)
{
    const FSP_FILE_SYSTEM_INTERFACE *callbacks = fileSystem->Interface;
    PVOID context = NULL;
    FSP_FSCTL_FILE_INFO again;
    NTSTATUS status;

    CheckSecurity(fileSystem, path, isFolder);
    memset(info, 0, sizeof *info);
    status = callbacks->Open(fileSystem, (PWSTR)path, isFolder ? FILE_DIRECTORY_FILE : FILE_NON_DIRECTORY_FILE,
        FILE_GENERIC_READ, &context, info);
    Expect(status, STATUS_SUCCESS, path, "Open");
    if (STATUS_SUCCESS != status)
        return NULL;
    if (!!(info->FileAttributes & FILE_ATTRIBUTE_DIRECTORY) != isFolder)
        Problem(path, "Open gave attributes 0x%08X", info->FileAttributes);

    memset(&again, 0, sizeof again);
    status = callbacks->GetFileInfo(fileSystem, context, &again);
    Expect(status, STATUS_SUCCESS, path, "GetFileInfo");
    if (STATUS_SUCCESS == status && !SameInfo(info, &again))
        Problem(path, "GetFileInfo differs from what Open gave");
    return context;
}

static void Append(LISTING *listing, const WCHAR *name, size_t length, const FSP_FSCTL_FILE_INFO *info)
{
    if (listing->Count == listing->Capacity)
    {
        listing->Capacity = listing->Capacity ? listing->Capacity * 2 : 16;
        listing->Entries = realloc(listing->Entries, listing->Capacity * sizeof(LISTED_ENTRY));
    }
    listing->Entries[listing->Count].Name = calloc(length + 1, sizeof(WCHAR));
    memcpy(listing->Entries[listing->Count].Name, name, length * sizeof(WCHAR));
    listing->Entries[listing->Count].Info = *info;
    listing->Count++;
}

/* Reads a folder's listing as WinFsp does: entries at 8-byte boundaries, each one's Size counting its name; a zero
 * Size ends the listing, and a full buffer without it is asked for again after the last name received. */
static void ReadListing(FSP_FILE_SYSTEM *fileSystem, PVOID context, const WCHAR *path, LISTING *listing)
{
    const FSP_FILE_SYSTEM_INTERFACE *callbacks = fileSystem->Interface;
    UINT8 buffer[LISTING_BUFFER_SIZE];
    WCHAR *marker = NULL;
    BOOLEAN ended = FALSE;
    int calls;

    for (calls = 0; !ended && calls < 100000; calls++)
    {
        ULONG transferred = 0;
        UINT8 *entry = buffer, *end;
        size_t before = listing->Count;
        NTSTATUS status;

        memset(buffer, 0xCD, sizeof buffer);
        status = callbacks->ReadDirectory(fileSystem, context, NULL, marker, buffer, sizeof buffer, &transferred);
        Expect(status, STATUS_SUCCESS, path, "ReadDirectory");
        if (STATUS_SUCCESS != status || transferred > sizeof buffer)
            return;

        end = buffer + transferred;
        while (entry + sizeof(UINT16) <= end)
        {
            FSP_FSCTL_DIR_INFO *info = (FSP_FSCTL_DIR_INFO *)entry;
            if (0 == info->Size)
            {
                ended = TRUE;
                break;
            }
            if (info->Size < sizeof(FSP_FSCTL_DIR_INFO) || entry + info->Size > end)
            {
                Problem(path, "ReadDirectory gave an entry of size %u at byte %d of %lu",
                    info->Size, (int)(entry - buffer), (unsigned long)transferred);
                return;
            }
            Append(listing, info->FileNameBuf, (info->Size - sizeof(FSP_FSCTL_DIR_INFO)) / sizeof(WCHAR), &info->FileInfo);
            entry += FSP_FSCTL_DEFAULT_ALIGN_UP(info->Size);
        }

        if (!ended && listing->Count == before)
        {
            Problem(path, "ReadDirectory after marker gave no entry and no end (%lu bytes)", (unsigned long)transferred);
            return;
        }
        if (listing->Count > 0)
            marker = listing->Entries[listing->Count - 1].Name;
    }
    if (!ended)
        Problem(path, "ReadDirectory never ended the listing");
}

/* Reads a whole file in pieces of varied sizes until STATUS_END_OF_FILE, then past the end, then one piece again. */
static void ReadWholeFile(FSP_FILE_SYSTEM *fileSystem, PVOID context, const WCHAR *path, UINT64 size)
{
    static const ULONG pieces[] = { 4096, 1, 65536, 1000, 131072, 7 };
    const FSP_FILE_SYSTEM_INTERFACE *callbacks = fileSystem->Interface;
    UINT8 *bytes = malloc((size_t)size + 131072);
    UINT64 offset = 0;
    ULONG transferred;
    NTSTATUS status;
    int piece = 0;

    for (;;)
    {
        ULONG length = pieces[piece++ % (sizeof pieces / sizeof pieces[0])];
        transferred = 0;
        status = callbacks->Read(fileSystem, context, bytes + offset, offset, length, &transferred);
        if (offset >= size)
        {
            Expect(status, STATUS_END_OF_FILE, path, "Read at the end");
            break;
        }
        Expect(status, STATUS_SUCCESS, path, "Read");
        if (STATUS_SUCCESS != status || 0 == transferred || transferred > length)
        {
            Problem(path, "Read of %lu bytes at %llu gave %lu bytes", (unsigned long)length, (unsigned long long)offset, (unsigned long)transferred);
            free(bytes);
            return;
        }
        offset += transferred;
    }
    if (offset != size)
        Problem(path, "Reads gave %llu bytes, the file's size is %llu", (unsigned long long)offset, (unsigned long long)size);

    status = callbacks->Read(fileSystem, context, bytes + size, size + 12345, 100, &transferred);
    Expect(status, STATUS_END_OF_FILE, path, "Read past the end");

    if (size > 16)
    {
        UINT8 again[13];
        UINT64 middle = size / 3;
        transferred = 0;
        status = callbacks->Read(fileSystem, context, again, middle, sizeof again, &transferred);
        Expect(status, STATUS_SUCCESS, path, "Read again in the middle");
        if (STATUS_SUCCESS == status && (sizeof again != transferred || 0 != memcmp(again, bytes + middle, sizeof again)))
            Problem(path, "Read again at %llu gave other bytes", (unsigned long long)middle);
    }
    SaveFile(path, bytes, size);
    free(bytes);
}

static void CheckRefusals(FSP_FILE_SYSTEM *fileSystem, const WCHAR *folder, const WCHAR *file, UINT64 size)
{
    const FSP_FILE_SYSTEM_INTERFACE *callbacks = fileSystem->Interface;
    WCHAR path[PATH_CAPACITY];
    FSP_FSCTL_FILE_INFO info;
    PVOID context = NULL;
    NTSTATUS status;

    Join(path, folder, L"no such entry");
    status = callbacks->Open(fileSystem, path, 0, FILE_GENERIC_READ, &context, &info);
    Expect(status, STATUS_OBJECT_NAME_NOT_FOUND, path, "Open of a missing name");

    status = callbacks->Open(fileSystem, (PWSTR)file, FILE_DIRECTORY_FILE, FILE_GENERIC_READ, &context, &info);
    Expect(status, STATUS_NOT_A_DIRECTORY, file, "Open of a file as a folder");

    /* Windows names are case-insensitive. */
    wcscpy(path, file);
    CharUpperW(path);
    context = NULL;
    status = callbacks->Open(fileSystem, path, FILE_NON_DIRECTORY_FILE, FILE_GENERIC_READ, &context, &info);
    Expect(status, STATUS_SUCCESS, path, "Open in upper case");
    if (STATUS_SUCCESS == status)
    {
        if (info.FileSize != size)
            Problem(path, "Open in upper case gave size %llu, not %llu", (unsigned long long)info.FileSize, (unsigned long long)size);
        callbacks->Close(fileSystem, context);
    }
}

static BOOLEAN IsLive(const WCHAR *folder)
{
    return 0 == wcscmp(folder, L"\\.padofs");
}

static void WalkFolder(FSP_FILE_SYSTEM *fileSystem, const WCHAR *path)
{
    const FSP_FILE_SYSTEM_INTERFACE *callbacks = fileSystem->Interface;
    BOOLEAN isRoot = 0 == wcscmp(path, L"\\");
    FSP_FSCTL_FILE_INFO info;
    LISTING listing = { 0 };
    BOOLEAN refusalsChecked = FALSE;
    size_t i, first;
    PVOID context = OpenChecked(fileSystem, path, TRUE, &info);
    if (NULL == context)
        return;

    Listed("folder", path, 0);
    SaveFolder(path);
    ReadListing(fileSystem, context, path, &listing);
    callbacks->Close(fileSystem, context);

    first = isRoot ? 0 : 2;
    if (!isRoot && (listing.Count < 2 || 0 != wcscmp(listing.Entries[0].Name, L".") || 0 != wcscmp(listing.Entries[1].Name, L"..")))
        Problem(path, "the listing does not start with . and ..");

    for (i = first; i < listing.Count; i++)
    {
        WCHAR child[PATH_CAPACITY];
        const LISTED_ENTRY *entry = &listing.Entries[i];
        BOOLEAN isFolder = !!(entry->Info.FileAttributes & FILE_ATTRIBUTE_DIRECTORY);
        Join(child, path, entry->Name);
        if (isFolder)
        {
            WalkFolder(fileSystem, child);
            continue;
        }

        context = OpenChecked(fileSystem, child, FALSE, &info);
        if (NULL == context)
            continue;
        /* The live documents under \.padofs are rendered anew at each open, so only their sizes may differ. */
        if (!SameInfo(&info, &entry->Info) && !(IsLive(path) && info.FileAttributes == entry->Info.FileAttributes))
            Problem(child, "the listing's entry differs from what Open gave");
        Listed("file", child, info.FileSize);
        ReadWholeFile(fileSystem, context, child, info.FileSize);
        callbacks->Close(fileSystem, context);
        if (!refusalsChecked)
        {
            CheckRefusals(fileSystem, path, child, info.FileSize);
            refusalsChecked = TRUE;
        }
    }

    for (i = 0; i < listing.Count; i++)
        free(listing.Entries[i].Name);
    free(listing.Entries);
}

static DWORD WINAPI Dispatch(PVOID parameter)
{
    FSP_FILE_SYSTEM *fileSystem = parameter;
    FSP_FSCTL_VOLUME_INFO volume;
    NTSTATUS status;

    memset(&volume, 0, sizeof volume);
    status = fileSystem->Interface->GetVolumeInfo(fileSystem, &volume);
    Expect(status, STATUS_SUCCESS, L"\\", "GetVolumeInfo");
    if (volume.VolumeLabelLength != 6 * sizeof(WCHAR) || 0 != memcmp(volume.VolumeLabel, L"PadoFs", 6 * sizeof(WCHAR)))
        Problem(L"\\", "GetVolumeInfo gave another label than PadoFs");

    WalkFolder(fileSystem, L"\\");
    fclose(g_listing);
    g_listing = NULL;
    fclose(g_problems);
    g_problems = NULL;

    if (0 != g_problemCount)
        ExitProcess(EXIT_UNEXPECTED);
    /* Done: the test stops padofs as a user at its terminal does, with Ctrl+C (SIGINT, which Wine hands to the
     * program's console control handlers as CTRL_C_EVENT); Wine's GenerateConsoleCtrlEvent cannot reach them here. */
    fclose(OpenOut(L"walked", L"wb"));
    return 0;
}

FSP_API NTSTATUS FspFileSystemCreate(PWSTR DevicePath, const FSP_FSCTL_VOLUME_PARAMS *VolumeParams,
    const FSP_FILE_SYSTEM_INTERFACE *Interface, FSP_FILE_SYSTEM **PFileSystem)
{
    FSP_FILE_SYSTEM *fileSystem;
    DWORD length = GetEnvironmentVariableW(L"PADOFS_STANDIN_OUT", g_out, PATH_CAPACITY);
    if (0 == length || length >= PATH_CAPACITY)
        return STATUS_INVALID_PARAMETER;
    g_listing = OpenOut(L"listing.txt", L"wb");
    g_problems = OpenOut(L"problems.txt", L"wb");
    if (NULL == g_listing || NULL == g_problems)
        return STATUS_ACCESS_DENIED;

    if (0 != wcscmp(DevicePath, L"" FSP_FSCTL_DISK_DEVICE_NAME))
        Problem(L"\\", "FspFileSystemCreate was asked for device %ls", DevicePath);
    if (sizeof(FSP_FSCTL_VOLUME_PARAMS) != VolumeParams->Version || !VolumeParams->ReadOnlyVolume ||
        VolumeParams->CaseSensitiveSearch || 0 != wcscmp(VolumeParams->FileSystemName, L"PadoFs"))
        Problem(L"\\", "FspFileSystemCreate got unexpected volume parameters");
    if (NULL == Interface->GetVolumeInfo || NULL == Interface->GetSecurityByName || NULL == Interface->Open ||
        NULL == Interface->Close || NULL == Interface->Read || NULL == Interface->GetFileInfo || NULL == Interface->ReadDirectory)
        Problem(L"\\", "FspFileSystemCreate got an interface without a read-only volume's callbacks");

    fileSystem = calloc(1, sizeof *fileSystem);
    fileSystem->Version = sizeof *fileSystem;
    fileSystem->Interface = Interface;
    *PFileSystem = fileSystem;
    Lifecycle("create", L"");
    return STATUS_SUCCESS;
}

FSP_API VOID FspFileSystemDelete(FSP_FILE_SYSTEM *FileSystem)
{
    Lifecycle("delete", L"");
    free(FileSystem);
}

FSP_API NTSTATUS FspFileSystemSetMountPoint(FSP_FILE_SYSTEM *FileSystem, PWSTR MountPoint)
{
    (void)FileSystem;
    wcsncpy(g_mountPoint, NULL == MountPoint ? L"*" : MountPoint, 63);
    Lifecycle("mount", g_mountPoint);
    return STATUS_SUCCESS;
}

FSP_API VOID FspFileSystemRemoveMountPoint(FSP_FILE_SYSTEM *FileSystem)
{
    (void)FileSystem;
    Lifecycle("unmount", L"");
    g_mountPoint[0] = 0;
}

FSP_API NTSTATUS FspFileSystemStartDispatcher(FSP_FILE_SYSTEM *FileSystem, ULONG ThreadCount)
{
    (void)ThreadCount;
    if (0 == g_mountPoint[0])
        Problem(L"\\", "the dispatcher was started before a mount point was set");
    Lifecycle("start", L"");
    g_dispatcher = CreateThread(NULL, 0, Dispatch, FileSystem, 0, NULL);
    return NULL == g_dispatcher ? STATUS_INSUFFICIENT_RESOURCES : STATUS_SUCCESS;
}

FSP_API VOID FspFileSystemStopDispatcher(FSP_FILE_SYSTEM *FileSystem)
{
    (void)FileSystem;
    Lifecycle("stop", L"");
    if (NULL == g_dispatcher)
        return;
    WaitForSingleObject(g_dispatcher, INFINITE);
    CloseHandle(g_dispatcher);
    g_dispatcher = NULL;
}
